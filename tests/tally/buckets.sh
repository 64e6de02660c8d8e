# Time buckets from the time column: hour, day, week (ISO), month, as -g
# pseudo-columns or with --by; a row without a time has the empty bucket.
s=$TESTDATA/agg/sample.tsv
tally -g platform --by day --sort group "$s"
echo "--- week, month, hour"
tally -g week,month --sort group "$s"
tally -g hour -n 3 "$s"
echo "--- other time forms and a named time column"
printf 'when\tk\n2019-11-29 23:30:00-02:00\ta\n1575072000\ta\n2020-12-31\tb\n' | tally -t when -g day,week,k --sort group
