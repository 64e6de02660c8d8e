# Telegram link forms (testdata/normalize/telegram.tsv: url, expected_kind,
# expected_key): normalize's kind and key must agree with every row; a
# disagreement is listed with what was expected.
normalize "$TESTDATA/normalize/telegram.tsv" | awk -F '\t' -f "$TESTDATA/normalize/agree.awk"
