# dyadwatch — the two commands a fresh machine needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= dyadwatch.duckdb
CORPUS ?= ../shared/corpus
export HF_HUB_OFFLINE := 1

.PHONY: install demo test bench eval cameo-table clean

# Pinned install: requirements.lock pins the whole dependency tree; the package goes in editable.
$(VENV)/.installed: pyproject.toml requirements.lock requirements-build.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-build.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

# The main job: code the example articles (and the two source articles when ../shared is
# beside the checkout) into the embedded DuckDB default, then print the Japan–Korea timeline.
demo: install
	rm -f $(DB) $(DB).wal
	$(BIN)/dyadwatch ingest examples/ --db $(DB)
	@if [ -d "$(CORPUS)" ]; then \
	  $(BIN)/dyadwatch ingest $(CORPUS)/002_fdae8c812c998ea1.txt --db $(DB); \
	  $(BIN)/dyadwatch ingest $(CORPUS)/000_3ace1f45b5fdacfe.txt --pub-date 2025-06-18 --db $(DB); \
	fi
	$(BIN)/dyadwatch stats --db $(DB)
	$(BIN)/dyadwatch timeline JPN KOR --db $(DB)
	$(BIN)/dyadwatch report JPN KOR --db $(DB) --out out/jpn_kor_report.html
	@echo "Report: out/jpn_kor_report.html (open it in a browser; works offline)."
	@echo "Dashboard: $(BIN)/dyadwatch serve --db $(DB)  then open http://127.0.0.1:8000/"

test: install
	$(BIN)/python -m pytest -q

# Sentences per second of `extract` against plain spaCy nlp.pipe, same model and sentences;
# then corpus scale (1 worker, 2 workers, Dask LocalCluster, memory, DuckDB) -> docs/performance.md.
bench: install
	$(BIN)/python benchmarks/bench_extract.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/bench_scale.py $(BENCH_ARGS)

# Accuracy on the annotated suites in ../shared/data; writes docs/accuracy.md.
eval: install
	$(BIN)/dyadwatch eval all --classifier --data ../shared/data --markdown docs/accuracy.md --report out/accuracy.json

cameo-table:
	$(PYTHON) tools/build_cameo_table.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache $(DB) $(DB).wal
