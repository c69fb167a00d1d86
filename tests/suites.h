/* suites.h — every suite of tests/unit, one DL_SUITE (ID) line each, in the
 * order `tests/unit` runs them. ID names the function tests/test-*.c defines,
 * test_ID_suite (), which registers the CUnit suite (ID with - for _).
 *
 * Adding a suite (say tests/test-stream.c):
 *   1. end the file with test_stream_suite (), calling CU_add_suite ("stream");
 *   2. add DL_SUITE (stream) below;
 *   3. in Makefile.am, add tests/test-stream.c to tests_unit_SOURCES and
 *      tests/stream.suite to UNIT_SUITES (make check fails if this list and
 *      UNIT_SUITES disagree).
 *
 * No include guard: tests.h includes this list to declare the functions,
 * unit.c to register the suites, each with its own DL_SUITE. */
DL_SUITE (decode)
DL_SUITE (reader)
DL_SUITE (parts)
DL_SUITE (source)
DL_SUITE (tempfiles)
DL_SUITE (printable)
DL_SUITE (meta)
DL_SUITE (langid)
DL_SUITE (tokenizer)
DL_SUITE (fastpath)
DL_SUITE (normalize)
DL_SUITE (stem)
DL_SUITE (lemma)
DL_SUITE (units)
DL_SUITE (counter)
DL_SUITE (dispersion)
DL_SUITE (query)
DL_SUITE (prefilter)
DL_SUITE (concord)
DL_SUITE (measures)
DL_SUITE (colloc)
DL_SUITE (keyness)
DL_SUITE (ngrams)
DL_SUITE (exercise)
DL_SUITE (lexstats)
DL_SUITE (vrt)
DL_SUITE (index)
DL_SUITE (stream)
DL_SUITE (pool)
DL_SUITE (hostile)
DL_SUITE (spill)
DL_SUITE (progress)
DL_SUITE (progress_line)
DL_SUITE (options)
DL_SUITE (output)
DL_SUITE (svg)
DL_SUITE (render)
DL_SUITE (cli_common)
DL_SUITE (cli_output)
DL_SUITE (cli_terminal)
DL_SUITE (cli_langs)
DL_SUITE (cli_freq)
DL_SUITE (cli_kwic)
DL_SUITE (cli_colloc)
DL_SUITE (cli_ngrams)
DL_SUITE (cli_stats)
DL_SUITE (cli_keyness)
DL_SUITE (cli_dispersion)
DL_SUITE (cli_formats)
DL_SUITE (cli_units)
DL_SUITE (cli_meta)
DL_SUITE (cli_compare)
DL_SUITE (cli_profile)
DL_SUITE (cli_exercise)
DL_SUITE (cli_export)
DL_SUITE (cli_index)
