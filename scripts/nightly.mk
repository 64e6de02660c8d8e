# nightly.mk: the nightly batch. For every log in IN it builds partials in
# OUT/parts/ named after the log (2019-11-29.tsv.gz gives 2019-11-29.*), and
# from all partials the merged reports in OUT. A second run does nothing; a
# new log is processed alone and the reports are merged again; make -j works.
#	make -f scripts/nightly.mk IN=logs/ OUT=reports/ [SRC_PLATFORM=telegram]
# Every file is written under a temporary name and renamed when complete, so
# an interrupted or failed run leaves nothing a later run would trust.

IN		?= logs
OUT		?= reports
# The platform the logs were scraped from, for the migration matrix.
SRC_PLATFORM	?= telegram
# After how many days a channel counts as surviving, for the survival report.
SURVIVE		?= 1,2,3,7
BIN		?= $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../bin)
SCRIPTS		:= $(abspath $(dir $(lastword $(MAKEFILE_LIST))))

IN_		:= $(patsubst %/,%,$(IN))
OUT_		:= $(patsubst %/,%,$(OUT))
LOGS		:= $(sort $(wildcard $(IN_)/*))
# A log's name without its directory and without .gz and one more extension.
name		 = $(basename $(patsubst %.gz,%,$(notdir $(1))))
NAMES		:= $(foreach f,$(LOGS),$(call name,$(f)))
ifeq ($(LOGS),)
$(error no logs in $(IN_)/ (name the folder with IN=))
endif
P		:= $(OUT_)/parts
KINDS		:= rows keys edges daily matrix

REPORTS		:= $(OUT_)/channels-per-day.tsv $(OUT_)/channels.tsv \
		   $(OUT_)/new-per-day.tsv $(OUT_)/survival.tsv $(OUT_)/matrix.tsv \
		   $(OUT_)/edges.tsv $(OUT_)/edges.gexf

# bash for pipefail: a failing stage must fail the rule.
SHELL		:= /bin/bash
.SHELLFLAGS	:= -o pipefail -ec
.DELETE_ON_ERROR:

all: $(REPORTS)

# Per log: extract | normalize rows, then the partials made from them.
# extract exits 1 when a log holds no link: not an error here.
define per_log
$(P)/$(call name,$(1)).rows.tsv: $(1) | $(P)
	{ $(BIN)/extract --all --src-platform $(SRC_PLATFORM) $$< || [ $$$$? -eq 1 ]; } | \
		$(BIN)/normalize > $$@.tmp
	mv $$@.tmp $$@
endef
$(foreach f,$(LOGS),$(eval $(call per_log,$(f))))

$(P)/%.keys.tsv: $(P)/%.rows.tsv
	$(BIN)/dedupe -k key --count $< > $@.tmp && mv $@.tmp $@

$(P)/%.edges.tsv: $(P)/%.rows.tsv
	$(BIN)/dedupe -k channel,key --count $< > $@.tmp && mv $@.tmp $@

$(P)/%.daily.tsv: $(P)/%.rows.tsv
	$(BIN)/tally -g platform --by day -a distinct:key --partial $< > $@.tmp && mv $@.tmp $@

$(P)/%.matrix.tsv: $(P)/%.rows.tsv
	$(BIN)/tally -g src_platform,platform $< > $@.tmp && mv $@.tmp $@

$(P):
	mkdir -p $@

part		 = $(foreach n,$(NAMES),$(P)/$(n).$(1).tsv)

# Distinct channels (keys) per platform per day.
$(OUT_)/channels-per-day.tsv: $(call part,daily)
	$(BIN)/tally --merge --sort group $^ > $@.tmp && mv $@.tmp $@

# Every channel with its count and first and last time.
$(OUT_)/channels.tsv: $(call part,keys)
	$(BIN)/dedupe -k key --merge $^ > $@.tmp && mv $@.tmp $@

# New channels per platform per day, and how many were seen again later.
$(OUT_)/new-per-day.tsv: $(OUT_)/channels.tsv
	$(BIN)/tally --cohort day -g platform $< > $@.tmp && mv $@.tmp $@

$(OUT_)/survival.tsv: $(OUT_)/channels.tsv
	$(BIN)/tally --cohort day --after $(SURVIVE) $< > $@.tmp && mv $@.tmp $@

# Which platform links to which: src_platform (where the messages were
# posted), platform (where their links point), count.
$(OUT_)/matrix.tsv: $(call part,matrix)
	$(BIN)/tally --merge --sort group $^ > $@.tmp && mv $@.tmp $@

$(OUT_)/edges.tsv: $(call part,edges)
	$(BIN)/dedupe -k channel,key --merge $^ > $@.tmp && mv $@.tmp $@

$(OUT_)/edges.gexf: $(OUT_)/edges.tsv
	sh $(SCRIPTS)/edges2gexf $< > $@.tmp && mv $@.tmp $@

clean:
	rm -rf $(P) $(REPORTS)

.PHONY: all clean
