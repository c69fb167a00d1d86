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
# (fuzz-partial.c, made into a file whose checksums hold): the inputs'
# frame (15 bytes: the default counting, one input, no notes) after its
# length, then the counts (Turkish: savaş bitti ve azerbaycan'ın zaferi
# geldi, the base azerbaycan; English: the war is over and the talks
# began).
{ printf '\017\000\341\002\001\000\001\010\164\151\156\171\056\164\170\164\000\341\002\001\000\000\000\006' \
  && printf '\006\006\163\141\166\141\305\237\001\000\001\001\000\000\005\142\151\164\164\151\001\001\001\001' \
  && printf '\000\000\002\166\145\001\001\001\001\000\000\016\141\172\145\162\142\141\171\143\141\156\047\304' \
  && printf '\261\156\001\002\001\001\002\001\000\006\172\141\146\145\162\151\001\001\001\001\000\000\005\147' \
  && printf '\145\154\144\151\001\001\001\001\000\000\001\012\141\172\145\162\142\141\171\143\141\156\010\007' \
  && printf '\003\164\150\145\002\001\001\001\000\000\003\167\141\162\001\001\001\001\000\000\002\151\163\001' \
  && printf '\001\001\001\000\000\004\157\166\145\162\001\001\001\001\000\000\003\141\156\144\001\001\001\001' \
  && printf '\000\000\005\164\141\154\153\163\001\001\001\001\000\000\005\142\145\147\141\156\001\001\001\001' \
  && printf '\000\000\000'; } | seed partial tiny 000
# And that partial result's file, whole (its checksums hold until mutated).
{ printf '\104\114\103\117\125\116\124\032\001\000\000\000\000\000\000\000\001\000\000\000\041\337\045\327' \
  && printf '\030\000\000\000\000\000\000\000\017\000\000\000\000\000\000\000\050\265\057\375\040\017\171\000' \
  && printf '\000\341\002\001\000\001\010\164\151\156\171\056\164\170\164\000\002\000\000\000\070\250\367\000' \
  && printf '\211\000\000\000\000\000\000\000\262\000\000\000\000\000\000\000\050\265\057\375\040\262\005\004' \
  && printf '\000\262\006\030\040\260\047\035\014\060\257\220\151\350\244\331\306\073\217\215\226\167\223\046' \
  && printf '\304\236\111\042\115\101\126\266\355\266\133\246\024\155\155\233\135\111\205\022\313\035\112\330' \
  && printf '\117\076\005\200\131\330\276\070\230\010\167\002\202\201\223\045\025\324\362\360\046\325\150\243' \
  && printf '\231\343\121\140\067\060\256\132\066\047\344\103\173\071\267\024\152\355\272\001\371\073\223\122' \
  && printf '\152\153\214\004\013\000\104\145\335\062\310\315\114\130\143\120\141\310\316\153\246\332\370\045' \
  && printf '\153\236\312\216\145\106\017\212\023\017\000\000\000\263\104\202\133\000\000\000\000\000\000\000' \
  && printf '\000\341\000\000\000\000\000\000\000'; } | seed partial tiny-file 001
