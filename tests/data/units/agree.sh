# agree.sh UNIT LANG — for the 50 most frequent units of corpus/ in LANG,
# prints "headword<TAB>count" as freq counts them (freq.txt), as kwic finds
# them (kwic.txt: hits per query) and as colloc's heading gives the node's
# occurrences (colloc.txt), then "same" or the differences; a colloc row
# with cooc > freq is printed to stderr. Run by tests/test-cli-units.c
# with $DERLEM set, from the top of the source tree.
u=$1
l=$2
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT
$DERLEM freq --unit "$u" --lang "$l" --top 50 --format tsv corpus | tail -n +2 | cut -f3,4 |
  LC_ALL=C sort > "$T/freq"
cut -f1 "$T/freq" > "$T/q"
$DERLEM kwic --unit "$u" --lang "$l" --queries "$T/q" --format tsv corpus | tail -n +2 | cut -f8 |
  LC_ALL=C sort | uniq -c | awk '{ print $2 "\t" $1 }' | LC_ALL=C sort > "$T/kwic"
while IFS= read -r w; do
  $DERLEM colloc --unit "$u" --lang "$l" --threads 1 --min-cooc 1 -- "$w" corpus |
    awk -v w="$w" 'NR == 1 { sub (/.* occurs /, ""); print w "\t" $1 }
                   NR > 2 && NF > 3 && $2 + 0 > $3 + 0 { print "cooc > freq: " w ": " $0 > "/dev/stderr" }'
done < "$T/q" | LC_ALL=C sort > "$T/colloc"
echo "units: $(wc -l < "$T/freq")"
if cmp -s "$T/freq" "$T/kwic"; then echo "kwic: same"; else diff "$T/freq" "$T/kwic"; fi
if cmp -s "$T/freq" "$T/colloc"; then echo "colloc: same"; else diff "$T/freq" "$T/colloc"; fi
