# shujian: the two entry points of the README, and the steps they share.
#   make demo   set up, build, and run the demonstration
#   make check  set up, build, and run every test
BUILD_DIR ?= build
FUZZ_BUILD_DIR ?= build-fuzz
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 20

BENCH_BUILD_DIR ?= build-bench

.PHONY: all setup configure build check test fuzz demo clean format bench-configure bench-import bench-engine

all: build

setup:
	@tools/install-deps.sh

configure: setup
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The document test opens .docx files in LibreOffice; setup installed it, so it must not skip.
test: build
	@cd $(BUILD_DIR) && SHUJIAN_REQUIRE_LIBREOFFICE=1 ctest -j $(JOBS) --output-on-failure --timeout 600

# The libFuzzer targets, built with clang and sanitizers, each run for FUZZ_SECONDS on its
# committed corpus (tests/fuzz/corpus/<target>) plus the replayed regressions.
fuzz: setup
	@tools/run-fuzzers.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS)

check: test fuzz

# The demonstration city: its agencies' files imported, every model run, leads against the plants.
DEMO_DIR ?= $(BUILD_DIR)/demo
demo: configure
	@cmake --build $(BUILD_DIR) --target shujian -j $(JOBS)
	@$(BUILD_DIR)/shujian --db $(DEMO_DIR)/shujian.db demo --fresh --out $(DEMO_DIR)/files

# Benchmarks: a Release build with the DuckDB peer from npm (bench/fetch-duckdb.sh).
bench-configure: setup
	@cmake -S . -B $(BENCH_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSHUJIAN_TESTS=OFF \
	  -DSHUJIAN_BENCH=ON -DDUCKDB_DIR=$$(bench/fetch-duckdb.sh) >/dev/null

# The import benchmark (bench/import/): generated admin_case and social_insurance CSVs imported
# by shujian, sqlite3 .import and DuckDB read_csv side by side; prints the table of bench/README.md.
# BENCH_ARGS="--repeat 1 --admin-rows 200000 --si-rows 500000" for a quick run.
bench-import: bench-configure
	@cmake --build $(BENCH_BUILD_DIR) --target import_bench -j $(JOBS)
	@$(BENCH_BUILD_DIR)/bench/import_bench --dir bench/.cache/import $(BENCH_ARGS)

# The model engine benchmark: shujian's engine, DuckDB and SQLite on the same generated data
# (bench/README.md). The data is generated once into bench/.cache/engine-data.
bench-engine: bench-configure
	@cmake --build $(BENCH_BUILD_DIR) --target engine_bench -j $(JOBS)
	@$(BENCH_BUILD_DIR)/bench/engine_bench

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD_DIR) $(FUZZ_BUILD_DIR) $(BENCH_BUILD_DIR)
