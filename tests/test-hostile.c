/* test-hostile.c — hostile and careless input, through every command.
 *
 * Each case builds its inputs at test time in a directory of its own
 * (generated, so the repository stays small), then runs every command on
 * them and asserts what derlem promises whatever the input: the exit status
 * the case expects (0, 1 or 2; never a crash, a signal or a hang, which
 * `timeout` turns into status 124), the case's message on standard error,
 * diagnostics of the form "derlem: ..." with no raw control character,
 * well-formed output (TSV rows as wide as the header, valid JSON, VRT
 * by its rules, no control character from the corpus in text output), the same output for
 * --threads 1 and 2 (freq, kwic and langs), and nothing left behind: no temporary file beside an
 * -o target or in TMPDIR, inputs unchanged. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli.h"
#include "tests.h"
#include "vrt-check.h"

/* The commands, each with what it needs besides PATH. QUERY stands for the
 * case's query (savaş unless it has one). */
static const struct {
  const char *name;
  const char *args;        /* before the paths */
  const char *tail;        /* after the paths */
  gboolean may_fall_short; /* exits 1 when there is too little to work on */
} commands[] = {
  { "freq", "", "", FALSE },
  { "kwic", "QUERY", "", FALSE },
  { "colloc", "QUERY", "", FALSE },
  { "ngrams", "", "", FALSE },
  { "stats", "", "", FALSE },
  { "keyness", "", "--ref " TEST_SRCDIR "/tests/data/exercise/en.txt", FALSE },
  { "dispersion", "QUERY", "", FALSE },
  { "exercise", "QUERY", "", TRUE },
  { "compare", "", "", TRUE }, /* nothing to compare: no tokens of a language */
  { "profile", "", "", FALSE },
  { "langs", "", "", FALSE },
  { "export", "", "", FALSE },
};

typedef enum {
  ONLY_QUERIES = 1 << 0, /* run the commands that take a query only */
  NO_THREADS = 1 << 1,   /* do not compare --threads 1 and 2 (stdin, devices) */
  OUTPUT_FILE = 1 << 2,  /* the case's options write -o OUT: checked separately */
  MAY_FAIL = 1 << 3,     /* status 1 allowed too (besides the expected one) */
} Flags;

typedef struct {
  const char *name;
  /* Writes the inputs into @dir; returns the PATH arguments (shell words,
     relative to @dir), or NULL for the case's own. */
  char *(*setup) (const char *dir);
  const char *options; /* more options, shell words */
  const char *query;   /* NULL: savaş */
  int status;          /* expected exit status of every command */
  const char *message; /* in standard error (NULL: nothing asked) */
  Flags flags;
} Case;

/* ---- writing inputs ---- */

static void
put (const char *dir, const char *name, const char *bytes, gssize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_mkdir_with_parents (parent, 0755);
  g_autoptr (GError) error = NULL;
  if (!g_file_set_contents (path, bytes, len, &error))
    CU_FAIL_FATAL ("cannot write a test input");
}

#define TEXT_TR "Dağlık Karabağ’da savaş 1992’de başladı ve İŞGAL sürdü.\n"
#define TEXT_EN "The war over the region began in 1992 and the occupation lasted.\n"

/* A little ordinary text, so that every command has something to do. */
static const char *
ordinary (void)
{
  return TEXT_TR TEXT_TR TEXT_EN TEXT_EN;
}

static char *
file_with (const char *dir, const char *bytes, gssize len)
{
  put (dir, "in.txt", bytes, len);
  return g_strdup ("in.txt");
}

static char *
file_repeating (const char *dir, const char *unit, gsize times, const char *tail)
{
  g_autoptr (GString) s = g_string_sized_new (strlen (unit) * times + 64);
  for (gsize i = 0; i < times; i++)
    g_string_append (s, unit);
  g_string_append (s, tail);
  return file_with (dir, s->str, s->len);
}

static char *
convert_to (const char *dir, const char *charset, const char *bom, gsize bom_len)
{
  gsize n;
  g_autofree char *text = g_convert (ordinary (), -1, charset, "UTF-8", NULL, &n, NULL);
  g_autoptr (GString) s = g_string_new_len (bom, bom_len);
  g_string_append_len (s, text, n);
  return file_with (dir, s->str, s->len);
}

/* Decoding. */
static char *
s_invalid_utf8 (const char *dir)
{
  return file_with (
      dir, TEXT_TR "a\xC3 \x80 \xED\xA0\x80 \xC0\xAF \xF8\x88\x80\x80\x80 z\n" TEXT_EN, -1);
}
static char *
s_truncated_utf8 (const char *dir)
{
  return file_with (dir, TEXT_TR "sonunda yarım \xE2\x82", -1);
}
static char *
s_utf16le_bom (const char *dir)
{
  return convert_to (dir, "UTF-16LE", "\xFF\xFE", 2);
}
static char *
s_utf16be_bom (const char *dir)
{
  return convert_to (dir, "UTF-16BE", "\xFE\xFF", 2);
}
static char *
s_utf16le_no_bom (const char *dir)
{
  return convert_to (dir, "UTF-16LE", "", 0);
}
static char *
s_utf32_bom (const char *dir)
{
  return convert_to (dir, "UTF-32LE", "\xFF\xFE\0\0", 4);
}
static char *
s_utf16_lone_surrogate (const char *dir)
{
  static const char bytes[] = "\xFF\xFE"
                              "s\0a\0v\0a\0\x5F\x01\n\0"
                              "\x00\xD8"
                              "x\0\n\0";
  return file_with (dir, bytes, sizeof bytes - 1);
}
static char *
s_utf16_odd_length (const char *dir)
{
  static const char bytes[] = "\xFF\xFE"
                              "s\0a\0v\0a\0\x5F\x01\n\0x";
  return file_with (dir, bytes, sizeof bytes - 1);
}
static char *
s_cp1254 (const char *dir)
{
  return convert_to (dir, "WINDOWS-1254", "", 0);
}
static char *
s_utf8_bom_only (const char *dir)
{
  return file_with (dir, "\xEF\xBB\xBF", 3);
}
static char *
s_nul_in_line (const char *dir)
{
  /* One NUL in 10 kB of text: repaired (a NUL in a few lines is binary). */
  g_autoptr (GString) s = g_string_new (NULL);
  for (int i = 0; i < 50; i++)
    g_string_append (s, ordinary ());
  g_string_append_len (s, "sava\0ş\n", 8);
  return file_with (dir, s->str, s->len);
}
static char *
s_all_nul (const char *dir)
{
  g_autofree char *z = g_malloc0 (100000);
  return file_with (dir, z, 100000);
}
static char *
s_random_binary (const char *dir)
{
  gsize n = 200000;
  g_autofree char *b = g_malloc (n);
  guint32 x = 2463534242u;
  for (gsize i = 0; i < n; i++)
    {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      b[i] = (char) x;
    }
  return file_with (dir, b, n);
}
static char *
s_pdf (const char *dir)
{
  return file_with (dir, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< >>\nendobj\n", -1);
}
static char *
s_gzip (const char *dir)
{
  return file_with (dir, "\x1F\x8B\x08\0\0\0\0\0\0\x03savaş", 15);
}
static char *
s_text_then_nuls (const char *dir)
{
  /* Text past the first MiB, then NULs: read as far as the text goes. */
  gsize n = 3u << 20;
  g_autofree char *b = g_malloc0 (n);
  for (gsize i = 0; i < (gsize) (3u << 19); i += sizeof TEXT_TR - 1)
    memcpy (b + i, TEXT_TR, sizeof TEXT_TR - 1);
  return file_with (dir, b, n);
}
static char *
s_stdin_text_then_nuls (const char *dir)
{
  /* The same on standard input: exercise, profile and compare copy it to
     read it twice, and the copy once went on until the disk was full. */
  g_free (s_text_then_nuls (dir));
  return g_strdup ("- < in.txt");
}
static char *
s_controls (const char *dir)
{
  return file_with (
      dir, TEXT_TR "zil \a geri \b kaçış \x1B[2J\x1B]0;başlık\a savaş \x7F son\n" TEXT_EN, -1);
}
static char *
s_c1_controls (const char *dir)
{
  return file_with (dir,
                    TEXT_TR "c1 \xC2\x9B"
                            "2J savaş \xC2\x85 son\n" TEXT_EN,
                    -1);
}
static char *
s_bidi (const char *dir)
{
  return file_with (dir,
                    TEXT_TR "savaş \xE2\x80\xAE"
                            "txt.exe\xE2\x80\xAC ve \xE2\x81\xA6"
                            "x\n" TEXT_EN,
                    -1);
}

/* Lines. */
static char *
s_empty (const char *dir)
{
  return file_with (dir, "", 0);
}
static char *
s_only_newlines (const char *dir)
{
  return file_repeating (dir, "\n", 10000, "");
}
static char *
s_cr_only (const char *dir)
{
  return file_with (dir, "Savaş başladı.\rThe war began.\rİŞGAL sürdü.\r", -1);
}
static char *
s_crlf_no_final (const char *dir)
{
  return file_with (dir, "Savaş başladı ve sürdü.\r\nThe war began and lasted.\r\nson", -1);
}
static char *
s_long_line (const char *dir)
{
  /* 5 MiB on one line: read in pieces. */
  return file_repeating (dir, "savaş ve barış ", (5u << 20) / 18, "\n" TEXT_EN);
}
static char *
s_long_word (const char *dir)
{
  /* 2 MB without a space or a line end. */
  return file_repeating (dir, "a", 2000000, "\n" TEXT_TR);
}
static char *
s_long_line_one_mark (const char *dir)
{
  /* 2 MB line with one combining mark (NFC must stay linear). */
  g_autoptr (GString) s = g_string_new (NULL);
  for (int i = 0; i < 150000; i++)
    {
      g_string_append (s, "kelime ");
      if (i == 75000)
        g_string_append (s, "e\xCC\x81 ");
    }
  g_string_append (s, "\n" TEXT_TR);
  return file_with (dir, s->str, s->len);
}
static char *
s_hangul_jamo (const char *dir)
{
  /* 4 MB of decomposed Hangul on one line: GLib's NFC composes it in
     quadratic time (over two minutes); ICU's is linear. */
  return file_repeating (dir, "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 ", 400000, "\n" TEXT_TR);
}
static char *
s_marks_everywhere (const char *dir)
{
  /* Zalgo: 200 combining marks on every letter of a word. */
  g_autoptr (GString) s = g_string_new (TEXT_TR);
  for (int l = 0; l < 50; l++)
    {
      g_string_append_c (s, 'a');
      for (int m = 0; m < 200; m++)
        g_string_append (s, "\xCC\x81\xCC\xA7");
    }
  g_string_append (s, " savaş\n");
  return file_with (dir, s->str, s->len);
}
static char *
s_arabic_marks (const char *dir)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (int i = 0; i < 100000; i++)
    g_string_append (s, i % 1000 == 0 ? "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8\xD9\x8E " : "كتاب ");
  g_string_append (s, "\n" TEXT_TR);
  return file_with (dir, s->str, s->len);
}
static char *
s_many_short_lines (const char *dir)
{
  return file_repeating (dir, "a\nsavaş\nthe\n", 100000, "");
}
static char *
s_whitespace_lines (const char *dir)
{
  return file_repeating (dir, "\t \xC2\xA0\xE2\x80\x83\xE2\x80\x8B\n", 1000, TEXT_TR);
}
static char *
s_line_separators (const char *dir)
{
  return file_with (dir,
                    "Savaş\xE2\x80\xA8"
                    "başladı\xE2\x80\xA9 ve sürdü\x0B\x0C son.\n" TEXT_EN,
                    -1);
}
static char *
s_emoji (const char *dir)
{
  return file_with (dir,
                    TEXT_TR
                    "aile \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F"
                    "\x91\xA7 bayrak \xF0\x9F\x87\xB9\xF0\x9F\x87\xB7 savaş\xF0\x9F\x94\xA5\n",
                    -1);
}
static char *
s_apostrophes (const char *dir)
{
  return file_with (dir, "’’’ ''' savaş’’’ı '’savaş ’’ 1990’’lar\n" TEXT_TR, -1);
}
static char *
s_numbers_only (const char *dir)
{
  return file_repeating (dir, "1 2 3 4.5 6,7 8:9\n", 2000, "");
}

/* Names. */
static char *
named (const char *dir, const char *name)
{
  put (dir, name, ordinary (), -1);
  return g_shell_quote (name);
}
static char *
s_name_newline (const char *dir)
{
  return named (dir, "a\nderlem: forged.txt");
}
static char *
s_name_escape (const char *dir)
{
  return named (dir, "\x1B[2J\x1B[31mred\a.txt");
}
static char *
s_name_not_utf8 (const char *dir)
{
  return named (dir, "caf\xE9-\xFF.txt");
}
static char *
s_name_dash (const char *dir)
{
  put (dir, "-dash.txt", ordinary (), -1);
  return g_strdup ("-- -dash.txt");
}
static char *
s_name_spaces_tabs (const char *dir)
{
  return named (dir, "a b\tc  .txt");
}
static char *
s_name_quotes (const char *dir)
{
  return named (dir, "\"q\",'=cmd'&<b>.txt");
}
static char *
s_deep_path (const char *dir)
{
  g_autoptr (GString) p = g_string_new (NULL);
  for (int i = 0; i < 40; i++)
    g_string_append (p, "dizin-çok-derin/");
  g_string_append (p, "in.txt");
  put (dir, p->str, ordinary (), -1);
  return g_strdup (".");
}
static char *
s_symlink_loop (const char *dir)
{
  put (dir, "c/in.txt", ordinary (), -1);
  g_autofree char *loop = g_build_filename (dir, "c", "loop", NULL);
  CU_ASSERT (symlink ("..", loop) == 0);
  return g_strdup ("c");
}
static char *
s_dangling_symlink (const char *dir)
{
  put (dir, "c/in.txt", ordinary (), -1);
  g_autofree char *link = g_build_filename (dir, "c", "gone.txt", NULL);
  CU_ASSERT (symlink ("nowhere.txt", link) == 0);
  return g_strdup ("c");
}
static char *
s_symlink_chain (const char *dir)
{
  put (dir, "c/2024/in.txt", ordinary (), -1);
  for (int i = 1; i <= 16; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/c/l%02d", dir, i);
      g_autofree char *target = i == 1 ? g_strdup ("2024") : g_strdup_printf ("l%02d", i - 1);
      CU_ASSERT (symlink (target, name) == 0);
    }
  return g_strdup ("c");
}
static char *
s_dir_named_txt (const char *dir)
{
  put (dir, "c/d.txt/in.txt", ordinary (), -1);
  return g_strdup ("c");
}
static char *
s_fifo_in_dir (const char *dir)
{
  put (dir, "c/in.txt", ordinary (), -1);
  g_autofree char *fifo = g_build_filename (dir, "c", "pipe.txt", NULL);
  CU_ASSERT (mkfifo (fifo, 0600) == 0);
  return g_strdup ("c");
}
static char *
s_empty_dir (const char *dir)
{
  g_autofree char *d = g_build_filename (dir, "c", NULL);
  g_mkdir (d, 0755);
  return g_strdup ("c");
}
static char *
s_many_files (const char *dir)
{
  for (int i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("c/%04d.txt", i);
      put (dir, name, i % 2 ? TEXT_TR : TEXT_EN, -1);
    }
  return g_strdup ("c");
}
static char *
s_missing_and_present (const char *dir)
{
  put (dir, "in.txt", ordinary (), -1);
  return g_strdup ("missing.txt in.txt");
}
static char *
s_all_missing (const char *dir)
{
  (void) dir;
  return g_strdup ("missing.txt also-missing.txt");
}

/* Special files. */
static char *
s_dev_null (const char *dir)
{
  (void) dir;
  return g_strdup ("/dev/null");
}
static char *
s_dev_zero (const char *dir)
{
  (void) dir;
  return g_strdup ("/dev/zero");
}
static char *
s_dev_urandom (const char *dir)
{
  (void) dir;
  return g_strdup ("/dev/urandom");
}
static char *
s_stdin_text_then_zero (const char *dir)
{
  put (dir, "in.txt", ordinary (), -1);
  return g_strdup ("- < in.txt");
}
static char *
s_stdin_closed (const char *dir)
{
  (void) dir;
  return g_strdup ("- <&-");
}
static char *
s_file_as_directory (const char *dir)
{
  put (dir, "in.txt", ordinary (), -1);
  return g_strdup ("in.txt/");
}

/* Options and queries use ordinary text. */
static char *
s_ordinary (const char *dir)
{
  return file_with (dir, ordinary (), -1);
}

/* Output targets: ordinary text, and a target written by the case. */
static char *
s_existing_target (const char *dir)
{
  put (dir, "out.txt", "keep me\n", -1);
  g_autofree char *out = g_build_filename (dir, "out.txt", NULL);
  CU_ASSERT (chmod (out, 0600) == 0);
  return file_with (dir, ordinary (), -1);
}
static char *
s_target_is_input (const char *dir)
{
  return file_with (dir, ordinary (), -1);
}

static const Case cases[] = {
  /* decoding */
  { "invalid UTF-8", s_invalid_utf8, "", NULL, 1, "invalid UTF-8 at byte offset", 0 },
  { "UTF-8 cut at the end", s_truncated_utf8, "", NULL, 1, "invalid UTF-8", 0 },
  { "UTF-16LE with BOM", s_utf16le_bom, "", NULL, 0, "UTF-16LE (byte order mark)", 0 },
  { "UTF-16BE with BOM", s_utf16be_bom, "", NULL, 0, "UTF-16BE (byte order mark)", 0 },
  { "UTF-16LE without BOM", s_utf16le_no_bom, "", NULL, 0, "its NUL bytes say so", 0 },
  { "UTF-32 with BOM", s_utf32_bom, "", NULL, 0, "UTF-32LE", 0 },
  { "UTF-16 lone surrogate", s_utf16_lone_surrogate, "", NULL, 1, "not UTF-16LE text", 0 },
  { "UTF-16 odd length", s_utf16_odd_length, "", NULL, 1, "not UTF-16LE text", 0 },
  { "windows-1254", s_cp1254, "", NULL, 0, "reading it as windows-1254", 0 },
  { "forced windows-1254 on UTF-8", s_ordinary, "--encoding windows-1254", NULL, 0, NULL, 0 },
  { "unknown --encoding", s_ordinary, "--encoding no-such-charset", NULL, 2,
    "unknown encoding 'no-such-charset'", 0 },
  { "UTF-8 BOM only", s_utf8_bom_only, "", NULL, 0, NULL, 0 },
  { "NUL inside a line", s_nul_in_line, "", NULL, 1, "invalid UTF-8", 0 },
  { "all NUL", s_all_nul, "", NULL, 1, "binary file", 0 },
  { "random bytes", s_random_binary, "", NULL, 1, "binary file", 0 },
  { "PDF", s_pdf, "", NULL, 1, "binary file (PDF", 0 },
  { "gzip", s_gzip, "", NULL, 1, "binary file", 0 },
  { "text then NULs", s_text_then_nuls, "--encoding UTF-8", NULL, 1,
    "binary data after byte offset", 0 },
  { "stdin: text then NULs", s_stdin_text_then_nuls, "", NULL, 1, "binary", NO_THREADS },
  { "terminal controls in text", s_controls, "", NULL, 0, NULL, 0 },
  { "C1 controls in text", s_c1_controls, "", NULL, 0, NULL, 0 },
  { "bidi overrides", s_bidi, "", NULL, 0, NULL, 0 },
  /* lines */
  { "empty file", s_empty, "", NULL, 0, "empty file", 0 },
  { "only line ends", s_only_newlines, "", NULL, 0, NULL, 0 },
  { "CR line ends", s_cr_only, "", NULL, 0, NULL, 0 },
  { "CRLF, no final line end", s_crlf_no_final, "", NULL, 0, NULL, 0 },
  { "5 MiB line", s_long_line, "", NULL, 0, "a line longer than 4 MiB", 0 },
  { "2 MB word", s_long_word, "", NULL, 0, NULL, 0 },
  { "2 MB line, one combining mark", s_long_line_one_mark, "", NULL, 0, NULL, 0 },
  { "4 MB of Hangul jamo", s_hangul_jamo, "", NULL, 0, NULL, 0 },
  { "200 marks a letter", s_marks_everywhere, "", NULL, 0, NULL, 0 },
  { "Arabic with vowel marks", s_arabic_marks, "", NULL, 0, NULL, 0 },
  { "300,000 short lines", s_many_short_lines, "", NULL, 0, NULL, 0 },
  { "white-space lines", s_whitespace_lines, "", NULL, 0, NULL, 0 },
  { "U+2028, VT, FF", s_line_separators, "", NULL, 0, NULL, 0 },
  { "emoji and ZWJ", s_emoji, "", NULL, 0, NULL, 0 },
  { "apostrophe runs", s_apostrophes, "", NULL, 0, NULL, 0 },
  { "numbers only", s_numbers_only, "", NULL, 0, NULL, 0 },
  /* names */
  { "name with a line end", s_name_newline, "", NULL, 0, NULL, 0 },
  { "name with escapes", s_name_escape, "", NULL, 0, NULL, 0 },
  { "name not UTF-8", s_name_not_utf8, "", NULL, 0, NULL, 0 },
  { "name starting with -", s_name_dash, "", NULL, 0, NULL, 0 },
  { "name with spaces and tabs", s_name_spaces_tabs, "", NULL, 0, NULL, 0 },
  { "name with quotes and =", s_name_quotes, "", NULL, 0, NULL, 0 },
  { "40 directories deep", s_deep_path, "", NULL, 0, NULL, 0 },
  { "symlink loop", s_symlink_loop, "", NULL, 0, NULL, 0 },
  { "dangling symlink", s_dangling_symlink, "", NULL, 1, "gone.txt: No such file", 0 },
  { "chain of 16 linked directories", s_symlink_chain, "", NULL, 0, "the same directory as", 0 },
  { "directory named *.txt", s_dir_named_txt, "", NULL, 0, NULL, 0 },
  { "FIFO in a directory", s_fifo_in_dir, "", NULL, 0, "not a regular file; skipped", 0 },
  { "empty directory", s_empty_dir, "", NULL, 1, NULL, MAY_FAIL },
  { "2,000 files", s_many_files, "", NULL, 0, NULL, 0 },
  { "a missing file and a present one", s_missing_and_present, "", NULL, 1,
    "missing.txt: No such file or directory", 0 },
  { "every file missing", s_all_missing, "", NULL, 1, "also-missing.txt: No such file", 0 },
  /* special files */
  { "/dev/null", s_dev_null, "", NULL, 0, NULL, NO_THREADS | MAY_FAIL },
  { "/dev/zero as UTF-8", s_dev_zero, "--encoding UTF-8", NULL, 1, "binary", NO_THREADS },
  { "/dev/urandom as windows-1254", s_dev_urandom, "--encoding windows-1254", NULL, 1, "binary",
    NO_THREADS },
  { "stdin, then nothing", s_stdin_text_then_zero, "", NULL, 0, NULL, NO_THREADS },
  { "stdin closed", s_stdin_closed, "", NULL, 1, NULL, NO_THREADS | MAY_FAIL },
  { "a file named as a directory", s_file_as_directory, "", NULL, 1, "Not a directory", 0 },
  /* options */
  { "--threads 1073741824", s_ordinary, "--threads 1073741824", NULL, 2, "--threads", 0 },
  { "--threads -1", s_ordinary, "--threads -1", NULL, 2, "--threads", 0 },
  { "--threads x", s_ordinary, "--threads x", NULL, 2, "--threads", 0 },
  { "--threads 256", s_ordinary, "--threads 256", NULL, 0, NULL, 0 },
  { "--format nonsense", s_ordinary, "--format nonsense", NULL, 2, "nonsense", 0 },
  { "unknown option", s_ordinary, "--no-such-option", NULL, 2, "--no-such-option", 0 },
  { "option without its value", s_ordinary, "--lang", NULL, 2, "--lang", 0 },
  { "--lang xx", s_ordinary, "--lang xx", NULL, 2, "xx", 0 },
  { "--glob with brackets", s_ordinary, "--glob '[[[*'", NULL, 0, NULL, 0 },
  { "-- before a path", s_ordinary, "--", NULL, 0, NULL, 0 },
  /* queries */
  { "empty query", s_ordinary, "", "''", 2, "query", ONLY_QUERIES },
  { "query of spaces", s_ordinary, "", "'   '", 2, "query", ONLY_QUERIES },
  { "lone *", s_ordinary, "", "'*'", 0, NULL, ONLY_QUERIES | MAY_FAIL },
  { "malformed regex", s_ordinary, "", "'/[/'", 2, "/[/", ONLY_QUERIES },
  { "catastrophic regex", s_ordinary, "", "'/^(a+)+$/'", 0, NULL, ONLY_QUERIES | MAY_FAIL },
  { "unclosed phrase", s_ordinary, "", "'\"savaş başladı'", 2, "unbalanced quote", ONLY_QUERIES },
  { "punctuation only", s_ordinary, "", "'...'", 2, "query", ONLY_QUERIES },
  { "10,000-letter query", s_ordinary, "", NULL, 0, NULL, ONLY_QUERIES | MAY_FAIL },
  { "query with escapes", s_ordinary, "", "\"$(printf 'sava\\033[2J')\"", 0, NULL,
    ONLY_QUERIES | MAY_FAIL },
  { "query starting with -", s_ordinary, "", "-- -savaş", 0, NULL, ONLY_QUERIES | MAY_FAIL },
  /* output targets */
  { "-o into a missing directory", s_ordinary, "-o no/such/dir/out.txt", NULL, 1, "out.txt",
    OUTPUT_FILE },
  { "-o onto a directory", s_ordinary, "-o .", NULL, 1, NULL, OUTPUT_FILE },
  /* No real device as an -o target: a regression would replace it, and as
     root that is the machine's /dev/null (cli-output writes a FIFO). */
  { "stdout on /dev/full", s_ordinary, "> /dev/full", NULL, 1, "No space left on device",
    OUTPUT_FILE },
  { "-o an existing 0600 file", s_existing_target, "-o out.txt", NULL, 0, NULL, OUTPUT_FILE },
  { "-o an input", s_target_is_input, "-o in.txt", NULL, 2, "in.txt", OUTPUT_FILE },
};

/* ---- checking output ---- */

/* A JSON value at *p (RFC 8259, strings checked for escapes and control
 * characters); advances *p past it. */
static gboolean json_value (const char **p, int depth);

static void
json_space (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static gboolean
json_string (const char **p)
{
  if (**p != '"')
    return FALSE;
  const char *s = *p + 1;
  for (;;)
    {
      guchar c = *s;
      if (c == '"')
        break;
      if (c < 0x20)
        return FALSE;
      if (c == '\\')
        {
          s++;
          if (*s == 'u')
            {
              for (int i = 1; i <= 4; i++)
                if (!g_ascii_isxdigit (s[i]))
                  return FALSE;
              s += 5;
              continue;
            }
          if (strchr ("\"\\/bfnrt", *s) == NULL || *s == '\0')
            return FALSE;
        }
      s++;
    }
  if (!g_utf8_validate (*p + 1, s - (*p + 1), NULL))
    return FALSE;
  *p = s + 1;
  return TRUE;
}

static gboolean
json_value (const char **p, int depth)
{
  json_space (p);
  if (depth > 64)
    return FALSE;
  if (**p == '"')
    return json_string (p);
  if (**p == '{' || **p == '[')
    {
      char close = **p == '{' ? '}' : ']';
      gboolean object = close == '}';
      (*p)++;
      json_space (p);
      if (**p == close)
        return (*p)++, TRUE;
      for (;;)
        {
          if (object)
            {
              json_space (p);
              if (!json_string (p))
                return FALSE;
              json_space (p);
              if (**p != ':')
                return FALSE;
              (*p)++;
            }
          if (!json_value (p, depth + 1))
            return FALSE;
          json_space (p);
          if (**p == ',')
            {
              (*p)++;
              continue;
            }
          if (**p != close)
            return FALSE;
          (*p)++;
          return TRUE;
        }
    }
  for (const char *lit = "true\0false\0null\0"; *lit; lit += strlen (lit) + 1)
    if (strncmp (*p, lit, strlen (lit)) == 0)
      return *p += strlen (lit), TRUE;
  const char *s = *p;
  if (*s == '-')
    s++;
  if (!g_ascii_isdigit (*s))
    return FALSE;
  while (g_ascii_isdigit (*s) || *s == '.' || *s == 'e' || *s == 'E' || *s == '+' || *s == '-')
    s++;
  *p = s;
  return TRUE;
}

static gboolean
json_document (const char *text)
{
  const char *p = text;
  if (!json_value (&p, 0))
    return FALSE;
  json_space (&p);
  return *p == '\0';
}

/* TRUE if @text has a character a terminal acts on: C0 but TAB and LF
 * (and CR, which TSV never has: refused too), DEL, C1. */
static gboolean
has_controls (const char *text, gboolean tab_ok)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      if ((*p < 0x20 && *p != '\n' && !(tab_ok && *p == '\t')) || *p == 0x7F)
        return TRUE;
      if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
        return TRUE;
    }
  return FALSE;
}

/* Every row of a TSV document has the header's number of fields. */
static gboolean
tsv_rectangular (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  int width = -1;
  for (char **l = lines; *l != NULL; l++)
    {
      if (**l == '\0' && l[1] == NULL)
        break;
      int fields = 1;
      for (const char *c = *l; *c; c++)
        fields += *c == '\t';
      if (width < 0)
        width = fields;
      else if (fields != width)
        return FALSE;
    }
  return TRUE;
}

/* Every diagnostic line is derlem's, with nothing a terminal acts on. */
static gboolean
stderr_clean (const char *err)
{
  if (has_controls (err, TRUE))
    return FALSE;
  g_auto (GStrv) lines = g_strsplit (err, "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    if (**l != '\0' && !g_str_has_prefix (*l, "derlem: ") && !g_str_has_prefix (*l, "Try 'derlem"))
      return FALSE;
  return TRUE;
}

/* The files under @dir, one per line, with their sizes and modes. */
static char *
listing (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf (
      "cd '%s' && find . -mindepth 1 \\( -type l -printf '%%p -> %%l\\n' \\) -o \\( -printf "
      "'%%p %%s %%m\\n' \\) | LC_ALL=C sort",
      dir);
  CliRun r = cli_run (cmd, NULL);
  char *out = g_steal_pointer (&r.out);
  cli_run_clear (&r);
  return out;
}

static const char *const formats[] = { "", "--format tsv", "--format json" };

/* A command line for @cmd of case @c in @dir. */
static char *
command_line (const Case *c, gsize cmd, const char *dir, const char *paths, const char *format,
              const char *threads)
{
  g_autofree char *query = NULL;
  if (c->query != NULL)
    query = g_strdup (c->query);
  else if (strcmp (c->name, "10,000-letter query") == 0)
    {
      g_autoptr (GString) q = g_string_new ("savaş");
      while (q->len < 10000)
        g_string_append (q, "ş");
      query = g_strdup (q->str);
    }
  else
    query = g_strdup ("savaş");
  g_autofree char *args = NULL;
  if (strcmp (commands[cmd].args, "QUERY") == 0)
    args = g_strdup (query);
  else
    args = g_strdup (commands[cmd].args);
  /* compare writes for people only; profile reads a learner text. */
  if (strcmp (commands[cmd].name, "compare") == 0 && strcmp (format, "") != 0)
    format = "--format markdown";
  /* export writes VRT only. */
  if (strcmp (commands[cmd].name, "export") == 0)
    format = "";
  /* The command's own options first: a case's "--" ends the options. */
  return g_strdup_printf ("cd '%s' && TMPDIR='%s/tmp' timeout 120 \"$DERLEM\" %s %s %s %s %s %s %s",
                          dir, dir, commands[cmd].name, commands[cmd].tail, format, threads,
                          c->options, args, paths);
}

static void
check_case (const Case *c, gsize index)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-hostile-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
  g_mkdir (tmp, 0700);
  g_autofree char *paths = c->setup (dir);
  g_autofree char *before = listing (dir);
  const char *format = formats[index % G_N_ELEMENTS (formats)];

  for (gsize k = 0; k < G_N_ELEMENTS (commands); k++)
    {
      gboolean takes_query = strcmp (commands[k].args, "QUERY") == 0;
      if ((c->flags & ONLY_QUERIES) && !takes_query)
        continue;
      g_autofree char *cmd = command_line (c, k, dir, paths, format, "--threads 1");
      g_autofree char *label = g_strdup_printf ("[%s] %s", c->name, commands[k].name);
      CliRun r = cli_run (cmd, NULL);
      gboolean status_ok = r.status == c->status
                           || ((c->flags & MAY_FAIL) && r.status == 1 && c->status == 0)
                           || ((c->flags & MAY_FAIL) && r.status == 0 && c->status == 1)
                           || (commands[k].may_fall_short && r.status == 1 && c->status == 0);
      if (!status_ok)
        fprintf (stderr, "\n%s: exit %d (expected %d)\n%s\n", label, r.status, c->status, r.err);
      DL_ASSERT_TRUE_FOR (label, status_ok);
      if (c->message != NULL && c->status != 2 && r.status != 2)
        DL_ASSERT_TRUE_FOR (label, strstr (r.err, c->message) != NULL);
      if (c->status == 2)
        DL_ASSERT_TRUE_FOR (label, c->message == NULL || strstr (r.err, c->message) != NULL);
      DL_ASSERT_TRUE_FOR (label, stderr_clean (r.err));
      if (!stderr_clean (r.err))
        fprintf (stderr, "\n%s: stderr not clean:\n%s\n", label, r.err);
      if (!(c->flags & OUTPUT_FILE) && r.status != 2)
        {
          if (strcmp (commands[k].name, "export") == 0)
            {
              g_autoptr (GString) why = g_string_new (NULL);
              gboolean vrt = vrt_check (r.out, why, NULL);
              if (!vrt)
                fprintf (stderr, "\n%s: not VRT: %s\n", label, why->str);
              DL_ASSERT_TRUE_FOR (label, vrt);
            }
          else if (strcmp (format, "--format json") == 0
                   && strcmp (commands[k].name, "compare") != 0)
            DL_ASSERT_TRUE_FOR (label, json_document (r.out));
          else if (strcmp (format, "--format tsv") == 0
                   && strcmp (commands[k].name, "compare") != 0)
            DL_ASSERT_TRUE_FOR (label, tsv_rectangular (r.out) && !has_controls (r.out, TRUE));
          else
            DL_ASSERT_TRUE_FOR (label, !has_controls (r.out, TRUE));
        }
      /* Threads: the pool and the stream are the same for every command;
         three of them stand for all (the suite's time is the limit). */
      gboolean threads_checked = strcmp (commands[k].name, "freq") == 0
                                 || strcmp (commands[k].name, "kwic") == 0
                                 || strcmp (commands[k].name, "langs") == 0;
      if (threads_checked && !(c->flags & (NO_THREADS | OUTPUT_FILE)) && r.status != 2)
        {
          g_autofree char *cmd2 = command_line (c, k, dir, paths, format, "--threads 2");
          CliRun r2 = cli_run (cmd2, NULL);
          DL_ASSERT_TRUE_FOR (label, r2.status == r.status);
          DL_ASSERT_TRUE_FOR (label, strcmp (r2.out, r.out) == 0);
          cli_run_clear (&r2);
        }
      cli_run_clear (&r);
      /* Nothing left behind, inputs unchanged; an -o target may be new. */
      g_autofree char *after = listing (dir);
      if (!(c->flags & OUTPUT_FILE))
        DL_ASSERT_STR_EQ_FOR (label, after, before);
      else
        DL_ASSERT_TRUE_FOR (label, strstr (after, "/.out.txt.") == NULL
                                       && strstr (after, "./tmp/") == NULL);
    }
  cli_remove_dir (dir);
}

static void
test_hostile_cases (void)
{
  CU_ASSERT_TRUE (G_N_ELEMENTS (cases) >= 60);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 start = g_get_monotonic_time ();
      check_case (&cases[i], i);
      /* In the suite's log: where its time goes. */
      fprintf (stderr, "  case %-36s %6.1f s\n", cases[i].name,
               (double) (g_get_monotonic_time () - start) / 1e6);
    }
}

/* Every case read into an index (index build, the case's options) and
 * read back: freq and kwic print what they print over the inputs, with the
 * same exit status, but where the status came from a path that could not
 * be read at all: such a path is in no index. */
static void
test_hostile_index (void)
{
  g_autofree char *idx_dir = g_dir_make_tmp ("derlem-hostile-index-XXXXXX", NULL);
  g_autofree char *idx = g_build_filename (idx_dir, "case.dlx", NULL);
  static const char *const queries[]
      = { "freq --format tsv --threads 1", "kwic --format tsv --threads 1 savaş" };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      if (c->status == 2 || (c->flags & (OUTPUT_FILE | ONLY_QUERIES)))
        continue;
      g_autofree char *dir = g_dir_make_tmp ("derlem-hostile-XXXXXX", NULL);
      g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
      g_mkdir (tmp, 0700);
      g_autofree char *paths = c->setup (dir);
      g_autofree char *before = listing (dir);
      g_autofree char *build = g_strdup_printf (
          "rm -rf '%s'; cd '%s' && TMPDIR='%s/tmp' timeout 120 \"$DERLEM\" index build "
          "--threads 1 -o '%s' %s %s",
          idx, dir, dir, idx, c->options, paths);
      CliRun b = cli_run (build, NULL);
      DL_ASSERT_TRUE_FOR (c->name, b.status == 0 || b.status == 1);
      DL_ASSERT_TRUE_FOR (c->name, stderr_clean (b.err));
      gboolean built = g_file_test (idx, G_FILE_TEST_IS_DIR);
      DL_ASSERT_TRUE_FOR (c->name, built || b.status == 1);
      gboolean path_failed = strstr (b.err, g_strerror (ENOENT)) != NULL
                             || strstr (b.err, g_strerror (ELOOP)) != NULL;
      for (gsize q = 0; built && q < G_N_ELEMENTS (queries); q++)
        {
          g_autofree char *label = g_strdup_printf ("[%s] index: %s", c->name, queries[q]);
          g_autofree char *src
              = g_strdup_printf ("cd '%s' && TMPDIR='%s/tmp' timeout 120 \"$DERLEM\" %s %s %s", dir,
                                 dir, queries[q], c->options, paths);
          g_autofree char *from = g_strdup_printf (
              "cd '%s' && TMPDIR='%s/tmp' timeout 120 \"$DERLEM\" %s '%s' < /dev/null", dir, dir,
              queries[q], idx);
          CliRun a = cli_run (src, NULL);
          CliRun r = cli_run (from, NULL);
          DL_ASSERT_STR_EQ_FOR (label, r.out, a.out);
          if (!path_failed)
            DL_ASSERT_INT_EQ_FOR (label, r.status, a.status);
          DL_ASSERT_TRUE_FOR (label, stderr_clean (r.err));
          cli_run_clear (&a);
          cli_run_clear (&r);
        }
      cli_run_clear (&b);
      g_autofree char *after = listing (dir);
      DL_ASSERT_STR_EQ_FOR (c->name, after, before);
      cli_remove_dir (dir);
    }
  cli_remove_dir (idx_dir);
}

/* An -o target that exists keeps its mode and is replaced whole; one that
 * names an input is refused before anything is read. */
static void
test_output_targets (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-hostile-XXXXXX", NULL);
  put (dir, "in.txt", ordinary (), -1);
  put (dir, "out.txt", "keep me\n", -1);
  g_autofree char *out = g_build_filename (dir, "out.txt", NULL);
  CU_ASSERT (chmod (out, 0600) == 0);
  g_autofree char *cmd = g_strdup_printf ("cd '%s' && \"$DERLEM\" freq -o out.txt in.txt", dir);
  CliRun r = cli_run (cmd, NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  struct stat st;
  CU_ASSERT (stat (out, &st) == 0 && (st.st_mode & 0777) == 0600);
  g_autofree char *got = NULL;
  CU_ASSERT (g_file_get_contents (out, &got, NULL, NULL) && strstr (got, "savaş") != NULL);
  cli_run_clear (&r);

  g_autofree char *in = g_build_filename (dir, "in.txt", NULL);
  g_autofree char *cmd2 = g_strdup_printf ("cd '%s' && \"$DERLEM\" freq -o in.txt in.txt", dir);
  r = cli_run (cmd2, NULL);
  CU_ASSERT_EQUAL (r.status, 2);
  g_autofree char *still = NULL;
  CU_ASSERT (g_file_get_contents (in, &still, NULL, NULL) && strcmp (still, ordinary ()) == 0);
  cli_run_clear (&r);
  cli_remove_dir (dir);
}

void
test_hostile_suite (void)
{
  CU_pSuite s = CU_add_suite ("hostile", NULL, NULL);
  CU_add_test (s, "cases", test_hostile_cases);
  CU_add_test (s, "output_targets", test_output_targets);
  CU_add_test (s, "index", test_hostile_index);
}
