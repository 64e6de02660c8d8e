/*
 * cpu: the processor's features, read once with the compiler's builtin
 * (which initialises itself; pthread_once makes the one read safe when the
 * first questions come from several threads at once).
 */
#include <pthread.h>

#include "cpu.h"

static unsigned		 features;
static pthread_once_t	 once = PTHREAD_ONCE_INIT;

static void
probe(void)
{
#ifdef CROSSLINK_X86
	__builtin_cpu_init();
	features = (__builtin_cpu_supports("avx2") ? CPU_AVX2 : 0) |
	    (__builtin_cpu_supports("bmi2") ? CPU_BMI2 : 0) |
	    (__builtin_cpu_supports("popcnt") ? CPU_POPCNT : 0);
#endif
}

int
cpu_has(unsigned mask)
{
	pthread_once(&once, probe);
	return (features & mask) == mask;
}
