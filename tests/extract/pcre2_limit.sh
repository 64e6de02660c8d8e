# A -e pattern that backtracks past PCRE2's match limit is told once per
# line, with file and line; the built-in matcher and the other patterns
# still search that line, and the status is 2 (its matches may be lost)
# unless --lenient.
printf '%s\n' 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab t.me/chan_one aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab' \
    'line two t.me/chan_two' 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab chan_three' >l.txt
extract -e '(a+)+$' -e 'chan_t\w+' l.txt 2>err
echo "exit $?"
cat err
extract --lenient -e '(a+)+$' l.txt >/dev/null 2>err
echo "--lenient: exit $?, $(wc -l <err) message(s)"
