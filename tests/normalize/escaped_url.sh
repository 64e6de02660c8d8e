# The url field is unescaped before it is read (a backslash is "\\"), and
# keys are written escaped.
printf 'url\nhttps://example.com/a\\\\b\nt.me/durov\\t\n' | normalize
