# Shared by the --where tests (sourced): the filter named by $filter, on
# in.tsv.
#	run ARGS...	its output and errors, then its exit status
#	cases		for each line "LABEL|CONDITION" of stdin: "--- LABEL",
#			then run --where CONDITION
run() { "$filter" "$@" in.tsv 2>&1; echo "status $?"; }
cases() {
	while IFS='|' read -r label cond; do
		echo "--- $label"
		run --where "$cond" </dev/null
	done
}
