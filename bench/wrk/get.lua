-- GET of the URL given on the wrk command line.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
