# Real — the commands a user and CI need. Each target installs what it needs on a fresh Debian machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help
APT_PACKAGES := rabbitmq-server postgresql python3 python3-pika python3-onnx python3-numpy chromium
CONFIG ?= Release

.PHONY: help prereqs restore build run test bench services-up services-down data clean

help:
	@echo "make run            the main job on the embedded default (SQLite + in-memory bus)"
	@echo "make test           every test; starts the local RabbitMQ and PostgreSQL it needs"
	@echo "make bench          the benchmarks (JSON lines)"
	@echo "make services-up    start local RabbitMQ + PostgreSQL (settings in .infra/services.env)"
	@echo "make services-down  stop what services-up started"
	@echo "make data           link the reference data from ../shared/data into data/"

prereqs:
	@infra/local/install-packages.sh $(APT_PACKAGES)

restore:
	dotnet restore Real.sln --nologo

build: restore
	dotnet build Real.sln -c $(CONFIG) --no-restore --nologo -v quiet

data:
	@infra/local/link-data.sh

# The proposals demo of `make run`: tiny ONNX models and images, rebuilt when their script changes.
DEMO_MANIFEST := tests/fixtures/generated/proposals/reference/manifest.json
$(DEMO_MANIFEST): tests/tools/make_onnx_models.py
	@infra/local/install-packages.sh python3 python3-onnx python3-numpy
	/usr/bin/python3 tests/tools/make_onnx_models.py >/dev/null

run: data $(DEMO_MANIFEST)
	./real run

test: prereqs data build
	@infra/ci/test.sh $(CONFIG)

bench: data
	@infra/ci/bench.sh

services-up:
	@infra/local/services-up.sh

services-down:
	@infra/local/services-down.sh

clean:
	dotnet clean Real.sln --nologo -v quiet
	rm -rf artifacts TestResults
