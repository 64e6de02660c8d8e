# An existing platform column is kept where filled and filled where empty;
# existing kind and key columns are overwritten in place.
printf 'key\turl\tplatform\tkind\n' >in.tsv
printf 'old\tt.me/durov\t\told\n' >>in.tsv
printf 'old\tt.me/durov\tmine\told\n' >>in.tsv
printf 'old\thttps://example.org/\t\t\n' >>in.tsv
normalize in.tsv
