#!/bin/sh
# tests/fuzz/seeds.sh — the harnesses' seed inputs, made from the texts
# and tables of corpus/ and tests/data/ and from a few lines written here:
#   tests/fuzz/seeds.sh SRCDIR OUTDIR
# writes OUTDIR/TARGET/* for each harness (tests/fuzz/fuzz-TARGET.c says
# what its first byte means). Texts are cut into pieces of at most 4 KiB
# at line ends, so that the fuzzer mutates small inputs; the encodings
# (windows-1254, UTF-16, UTF-32, CRLF) are made with iconv and printf.
set -eu
srcdir=$1
out=$2
rm -rf "$out"
for t in reader langid tokenizer query queries meta frames partial; do mkdir -p "$out/$t"; done

# Writes standard input to OUTDIR/TARGET/NAME with the byte \OCTAL first.
seed () {
  # shellcheck disable=SC2059 # the format is the byte, an octal escape
  { printf "\\$3"; cat; } > "$out/$1/$2"
}

# The texts, cut into pieces: $pieces/NAME-xx.
pieces=$(mktemp -d)
trap 'rm -rf "$pieces"' EXIT
for f in "$srcdir"/corpus/*.txt $(find "$srcdir/tests/data" -name '*.txt' | LC_ALL=C sort); do
  name=$(printf '%s' "${f#"$srcdir"/}" | tr '/' '-')
  split -C 4096 "$f" "$pieces/${name%.txt}-"
done

for p in "$pieces"/*; do
  n=$(basename "$p")
  seed reader "$n" 000 < "$p"
  seed langid "$n" 000 < "$p"
  seed tokenizer "$n" 000 < "$p"
done

# Each corpus text's first piece in other encodings and ways of reading
# (reader: bits 0-1 the --encoding, bit 2 a pipe; langid: bit 1
# --assume-lang; tokenizer: bit 2 the units, bit 3 English).
for p in "$pieces"/corpus-*-aa; do
  n=$(basename "$p")
  seed reader "$n-pipe" 004 < "$p"
  seed reader "$n-utf8" 001 < "$p"
  sed 's/$/\r/' "$p" | seed reader "$n-crlf" 000
  iconv -f UTF-8 -t WINDOWS-1254//TRANSLIT "$p" 2> /dev/null | seed reader "$n-1254" 000 || true
  iconv -f UTF-8 -t WINDOWS-1254//TRANSLIT "$p" 2> /dev/null | seed reader "$n-1254-given" 002 || true
  { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$p"; } | seed reader "$n-utf16le-bom" 000
  iconv -f UTF-8 -t UTF-16LE "$p" | seed reader "$n-utf16le" 000
  iconv -f UTF-8 -t UTF-16LE "$p" | seed reader "$n-utf16le-given" 003
  iconv -f UTF-8 -t UTF-16BE "$p" | seed reader "$n-utf16be" 004
  { printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$p"; } | seed reader "$n-utf16be-bom" 000
  { printf '\377\376\0\0'; iconv -f UTF-8 -t UTF-32LE "$p"; } | seed reader "$n-utf32le-bom" 000
  seed langid "$n-assume" 002 < "$p"
  seed tokenizer "$n-units" 004 < "$p"
  seed tokenizer "$n-units-en" 014 < "$p"
done

# Hand-made oddities: BOMs, UTF-16 with a lone surrogate, UTF-8 encoded
# surrogates and overlongs, lone CRs, decomposed letters and Hangul jamo,
# NULs, a binary signature.
printf '\357\273\277Merhaba\ndünya\n' | seed reader utf8-bom 000
printf '\377\376a\0\0\330b\0\n\0\334\337c\0' | seed reader utf16-lone-surrogate 000
printf 'a\0\0\330b\0\n\0' | seed reader utf16-surrogate-given 003
printf 'ok \355\240\200 \300\257 \370\210\200\200\200 end\n' | seed reader utf8-surrogate-overlong 000
printf 'one\rtwo\r\nthree\n\rfour' | seed reader lone-cr 004
printf 'I\314\207stanbul e\314\201 \341\204\200\341\205\241 \352\260\200\n' | seed reader nfc 000
printf 'nul\0in\0the\0middle\n' | seed reader nul 000
printf '%%PDF-1.4\n' | seed reader pdf 000
printf 'Kad\375n \376ehir \360\375\n' | seed reader cp1254-letters 000
printf 'Kad\375n \376ehir \360\375\n' | seed tokenizer invalid-bytes 000
printf 'a\0b c\0d\n' | seed tokenizer nul 002

# Queries as kwic takes them, and a --queries file of them.
queries=$(mktemp)
cat > "$queries" << 'EOF'
savaş
savaş*
kad?n
*’ın
"Dağlık Karabağ"
Nagorno-Karabakh
Karabağ’da
1990’ların
savaş * barış
/^ermeni/
/(a+)+$/
/\p{L}{2,}ın$/
/[[:alpha:]]+'ı/
İSTANBUL
Istanbul
I’m
#derlem
EOF
i=0
while IFS= read -r q; do
  i=$((i + 1))
  printf '%s' "$q" | seed query "q$i" 000
done < "$queries"
printf '%s' 'ıİ' | seed query keep-case 001
# CQL (the first byte's bit 1): each kind of part once.
i=0
while IFS= read -r q; do
  i=$((i + 1))
  printf '%s' "$q" | seed query "cql$i" 002
done <<'CQL'
[fold="savaş.*"] []{0,3} [lemma="git"] within s
"the"%c [lang="en" & word!="of"]+ "of" within line
([fold="türk.*"] | [fold="azer.*"]) "ve"
[!(word="a" | stem="b") & lang!="tr"]? "x"{2,} [word="\w+ın"]{,3}
CQL
seed queries all 000 < "$queries"
{ printf '# queries\r\n'; sed 's/$/\r/' "$queries"; } | seed queries crlf 001
printf 'a\n\n# none\n"b c"\n/x(/\n' | seed queries bad 000

# Metadata tables with a line of selections first (fuzz-meta.c), and
# frequency lists read as tables and as lists.
{ printf 'wlanguages=tr\twkind=article\tbkind\tx*2023*\n'; cat "$srcdir/corpus/MANIFEST.tsv"; } |
  seed meta manifest 000
{ printf 'wkind=commentary\tbsource\tpcorpus/commentary-tr-karabag-2023.txt\tp-\n'; cat "$srcdir/corpus/MANIFEST.tsv"; } |
  seed meta manifest-paths 000
{ printf 'wfile=b.txt\tbfile\n'; } | seed meta no-table 001
for f in "$srcdir/tests/data/profile/ref.tsv" "$srcdir/tests/data/freq/expected-form.tsv" \
  "$srcdir/tests/data/corpus-langs.tsv"; do
  { printf 'blang\n'; head -c 4096 "$f"; } | seed meta "$(basename "$f" .tsv)" 002
done
printf 'bx\nfile\tx\na.txt\t\\t\\n\\\\\nb.txt\t\\q\n\357\273\277c.txt\t1\r\n' | seed meta escapes 000

# Frames as an index keeps them (fuzz-frames.c): a block's tokens (two
# lines: Turkish words 3 and 5, English word 7; the first line's tokens
# 3 5 3, the second's 7), and an input's counts (Turkish: ve 2, ile 1,
# once capitalized; English: the 1; the proper-noun base ile).
printf '\002\002\003\002\001\007\000\014\000\001\000\005\000' | seed frames tokens 000
printf '\003\002\002\000\001\002\001\002\001\003veile\001\003ile\001\001\001\000\001\003the\000\000\000\000' |
  seed frames counts 001

# A partial result's frames as `derlem count tiny.txt --save` makes them
# (fuzz-partial.c: each a tag, a 16-bit length and its bytes, made into
# a file whose checksums hold): the inputs' frame (the default counting,
# no tables, one input, no notes), then the counts (Turkish: savaş bitti
# ve azerbaycan'ın zaferi geldi, the base azerbaycan; English: the war is
# over and the talks began).
{ printf '\001\024\000\341\002\001\000\000\000\000\000\000\001\010\164\151\156\171\056\164\170\164\000\002' \
  && printf '\262\000\341\002\001\000\000\000\006\006\006\163\141\166\141\305\237\001\000\001\001\000\000\005' \
  && printf '\142\151\164\164\151\001\001\001\001\000\000\002\166\145\001\001\001\001\000\000\016\141\172\145' \
  && printf '\162\142\141\171\143\141\156\047\304\261\156\001\002\001\001\001\001\000\006\172\141\146\145\162' \
  && printf '\151\001\001\001\001\000\000\005\147\145\154\144\151\001\001\001\001\000\000\001\012\141\172\145' \
  && printf '\162\142\141\171\143\141\156\010\007\003\164\150\145\002\001\001\001\000\000\003\167\141\162\001' \
  && printf '\001\001\001\000\000\002\151\163\001\001\001\001\000\000\004\157\166\145\162\001\001\001\001\000' \
  && printf '\000\003\141\156\144\001\001\001\001\000\000\005\164\141\154\153\163\001\001\001\001\000\000\005' \
  && printf '\142\145\147\141\156\001\001\001\001\000\000\000'; } | seed partial tiny 000
# And that partial result's file, whole (its checksums hold until mutated).
{ printf '\104\114\103\117\125\116\124\032\002\000\000\000\000\000\000\000\001\000\000\000\145\310\254\106' \
  && printf '\035\000\000\000\000\000\000\000\024\000\000\000\000\000\000\000\050\265\057\375\040\024\241\000' \
  && printf '\000\341\002\001\000\000\000\000\000\000\001\010\164\151\156\171\056\164\170\164\000\002\000\000' \
  && printf '\000\265\072\023\223\212\000\000\000\000\000\000\000\262\000\000\000\000\000\000\000\050\265\057' \
  && printf '\375\040\262\015\004\000\202\306\027\040\260\047\035\014\060\257\220\151\350\244\331\306\073\217' \
  && printf '\215\226\167\223\046\304\236\111\042\115\101\126\266\355\266\133\246\024\155\155\233\135\111\205' \
  && printf '\022\313\035\112\330\117\076\005\200\131\330\366\305\051\046\302\235\200\140\340\144\111\005\265' \
  && printf '\074\274\111\150\346\170\024\330\015\214\253\226\315\011\371\320\136\316\055\205\132\273\156\100' \
  && printf '\376\316\244\224\332\032\043\001\014\000\104\145\335\062\310\315\114\130\206\164\165\032\130\063' \
  && printf '\325\306\057\131\077\225\245\316\266\130\160\164\253\070\001\017\000\000\000\120\103\015\325\000' \
  && printf '\000\000\000\000\000\000\000\347\000\000\000\000\000\000\000'; } | seed partial tiny-file 001
# With --ngrams 2-3 --ngram-files --pairs 1 --stats: the tables' frames too.
{ printf '\001\024\000\341\002\001\002\003\001\001\001\000\001\010\164\151\156\171\056\164\170\164\000\002' \
  && printf '\262\000\341\002\001\000\000\000\006\006\006\163\141\166\141\305\237\001\000\001\001\000\000\005' \
  && printf '\142\151\164\164\151\001\001\001\001\000\000\002\166\145\001\001\001\001\000\000\016\141\172\145' \
  && printf '\162\142\141\171\143\141\156\047\304\261\156\001\002\001\001\001\001\000\006\172\141\146\145\162' \
  && printf '\151\001\001\001\001\000\000\005\147\145\154\144\151\001\001\001\001\000\000\001\012\141\172\145' \
  && printf '\162\142\141\171\143\141\156\010\007\003\164\150\145\002\001\001\001\000\000\003\167\141\162\001' \
  && printf '\001\001\001\000\000\002\151\163\001\001\001\001\000\000\004\157\166\145\162\001\001\001\001\000' \
  && printf '\000\003\141\156\144\001\001\001\001\000\000\005\164\141\154\153\163\001\001\001\001\000\000\005' \
  && printf '\142\145\147\141\156\001\001\001\001\000\000\000\003\214\000\002\003\002\002\000\002\002\000\033' \
  && printf '\002\005\000\001\001\001\000\001\002\001\001\000\002\003\001\001\000\003\004\001\001\000\004\005' \
  && printf '\001\001\000\032\002\004\000\001\002\001\001\000\001\002\003\001\001\000\002\003\004\001\001\000' \
  && printf '\003\004\005\001\001\000\045\002\007\000\001\001\001\000\001\002\001\001\000\002\003\001\001\000' \
  && printf '\003\004\001\001\000\004\000\001\001\000\000\005\001\001\000\005\006\001\001\000\046\002\006\000' \
  && printf '\001\002\001\001\000\001\002\003\001\001\000\002\003\004\001\001\000\003\004\000\001\001\000\004' \
  && printf '\000\005\001\001\000\000\005\006\001\001\000\004\056\000\001\002\000\000\021\000\005\000\001\001' \
  && printf '\001\002\001\002\003\001\003\004\001\004\005\001\027\000\007\000\001\001\001\002\001\002\003\001' \
  && printf '\003\004\001\004\000\001\000\005\001\005\006\001\005\267\000\000\000\000\000\000\000\001\000\000' \
  && printf '\006\001\010\164\151\156\171\056\164\170\164\006\006\006\000\006\044\006\001\000\000\000\000\006' \
  && printf '\006\163\141\166\141\305\237\001\001\000\005\142\151\164\164\151\001\001\001\002\166\145\001\001' \
  && printf '\002\016\141\172\145\162\142\141\171\143\141\156\047\304\261\156\001\001\003\006\172\141\146\145' \
  && printf '\162\151\001\001\004\005\147\145\154\144\151\001\001\005\001\000\000\010\001\010\164\151\156\171' \
  && printf '\056\164\170\164\010\007\006\001\012\034\007\001\000\000\001\353\243\341\365\321\360\372\230\100' \
  && printf '\007\003\164\150\145\002\001\000\003\167\141\162\001\001\001\002\151\163\001\001\002\004\157\166' \
  && printf '\145\162\001\001\003\003\141\156\144\001\001\004\005\164\141\154\153\163\001\001\006\005\142\145' \
  && printf '\147\141\156\001\001\007'; } | seed partial tables 000
{ printf '\104\114\103\117\125\116\124\032\002\000\000\000\000\000\000\000\001\000\000\000\113\017\072\102' \
  && printf '\035\000\000\000\000\000\000\000\024\000\000\000\000\000\000\000\050\265\057\375\040\024\241\000' \
  && printf '\000\341\002\001\002\003\001\001\001\000\001\010\164\151\156\171\056\164\170\164\000\002\000\000' \
  && printf '\000\265\072\023\223\212\000\000\000\000\000\000\000\262\000\000\000\000\000\000\000\050\265\057' \
  && printf '\375\040\262\015\004\000\202\306\027\040\260\047\035\014\060\257\220\151\350\244\331\306\073\217' \
  && printf '\215\226\167\223\046\304\236\111\042\115\101\126\266\355\266\133\246\024\155\155\233\135\111\205' \
  && printf '\022\313\035\112\330\117\076\005\200\131\330\366\305\051\046\302\235\200\140\340\144\111\005\265' \
  && printf '\074\274\111\150\346\170\024\330\015\214\253\226\315\011\371\320\136\316\055\205\132\273\156\100' \
  && printf '\376\316\244\224\332\032\043\001\014\000\104\145\335\062\310\315\114\130\206\164\165\032\130\063' \
  && printf '\325\306\057\131\077\225\245\316\266\130\160\164\253\070\001\003\000\000\000\167\115\246\204\112' \
  && printf '\000\000\000\000\000\000\000\214\000\000\000\000\000\000\000\050\265\057\375\040\214\015\002\000' \
  && printf '\022\104\011\014\140\105\133\034\341\301\117\053\354\333\335\051\351\020\315\070\220\016\121\132' \
  && printf '\060\100\166\026\122\061\351\110\052\247\233\232\170\350\173\071\011\000\111\211\040\015\000\021' \
  && printf '\210\177\305\152\255\176\174\266\353\051\214\347\025\337\141\076\001\004\000\000\000\254\252\346' \
  && printf '\174\061\000\000\000\000\000\000\000\056\000\000\000\000\000\000\000\050\265\057\375\040\056\105' \
  && printf '\001\000\024\002\001\002\000\000\021\000\005\000\001\001\001\002\001\002\003\001\003\004\001\004' \
  && printf '\005\001\027\000\007\000\001\000\005\001\005\006\001\001\000\325\061\307\005\000\000\000\352\055' \
  && printf '\063\102\246\000\000\000\000\000\000\000\267\000\000\000\000\000\000\000\050\265\057\375\040\267' \
  && printf '\355\004\000\322\211\042\051\220\105\351\353\262\257\345\043\022\214\104\033\015\167\005\040\055' \
  && printf '\062\144\060\233\033\354\222\057\244\341\356\300\050\045\170\154\334\034\331\162\223\275\223\014' \
  && printf '\356\207\013\261\323\364\227\030\321\366\003\227\261\077\362\324\140\326\057\275\270\016\226\137' \
  && printf '\274\150\346\020\220\201\000\213\300\105\002\360\314\073\202\340\352\232\046\363\355\177\117\304' \
  && printf '\120\143\376\027\131\261\225\262\037\116\050\006\270\011\152\235\310\325\016\326\317\323\372\377' \
  && printf '\272\237\323\362\217\124\166\132\111\365\132\320\124\325\176\364\201\202\257\233\153\346\063\003' \
  && printf '\005\000\245\210\205\057\302\017\134\130\303\247\011\013\264\001\017\000\000\000\120\103\015\325' \
  && printf '\000\000\000\000\000\000\000\000\120\002\000\000\000\000\000\000'; } | seed partial tables-file 001
