/*
 * cpu: what the processor can do, asked once. The vector paths of input,
 * links, refang and tsv ask here instead of each asking on its own; a build
 * with -DCROSSLINK_NO_SIMD (or for another architecture) says "nothing",
 * so the scalar paths run everywhere the vector ones would not.
 *
 *	if (cpu_has(CPU_AVX2))
 *		i = scan_avx2(s, n);
 */
#ifndef CROSSLINK_CPU_H
#define CROSSLINK_CPU_H

#if defined(__GNUC__) && defined(__x86_64__) && !defined(CROSSLINK_NO_SIMD)
#define CROSSLINK_X86 1		/* the x86-64 vector code is compiled in */
#endif

enum {
	CPU_AVX2 = 1,
	CPU_BMI2 = 2,
	CPU_POPCNT = 4
};

/* Does the processor have every feature in mask? Safe from any thread. */
int	 cpu_has(unsigned mask);

#endif
