# nightly.mk: the nightly batch. For every log below IN it builds partials
# in OUT/parts/, and from all partials the merged reports in OUT, equal to
# one pass over the logs now in IN, and OUT/index.html, a page showing them.
# A second run does nothing; a new, replaced or deleted log makes its parts
# and the reports again; make -j works.
#	make -f scripts/nightly.mk IN=logs/ OUT=reports/ [SRC_PLATFORM=telegram]
#		[CHANNEL_FIELD=name] [PROBE=1 [PROBE_DAYS=1] [PROBE_FLAGS='--max 500']]
#
# Why it is built this way:
# - make cannot name a file with a space, $, :, # or %, so a log is never a
#   make target: scripts/nightly-logs gives each log a part name of safe
#   bytes that no other log can share, and a NAME.src stamp that changes
#   when the log's size, time or inode does. The recipe reads the log's real
#   path from the stamp.
# - A report depends on OUT/parts/logs, the list of logs, so a deleted log
#   (its parts removed) makes the reports again.
# - Every part is written under a temporary name, sealed (scripts/seal),
#   then renamed; a merge checks every seal first, so a part cut anywhere,
#   emptied or left half-written is refused by name.
# - One run at a time per OUT: the run holds a lock (flock) on OUT/.lock;
#   a second run waits for it.
# - extract's options are written to OUT/parts/extract.flags when they
#   change, and every rows part depends on that file, so a new
#   SRC_PLATFORM or CHANNEL_FIELD reads every log again.
# - A log that cannot be read, or whose stages fail, fails the run (status
#   2) after every other log's parts were made (make -k).
# - PROBE=1 asks the platforms, over the network, whether the night's new
#   keys are still up; nothing else in the batch does. Its results are
#   history that no log can give back, so probe.tsv only grows (written
#   whole under a temporary name, then renamed) and clean leaves it.
#   probe's status 2 says "some key ended unknown", but is also its status
#   for trouble: it is taken as the first only when probe wrote its header
#   and an unknown row, so a usage error still fails the run.

IN		?= logs
OUT		?= reports
# The platform the logs were scraped from, for the migration matrix.
SRC_PLATFORM	?= telegram
# The logs' channel column, when it is neither channel nor chat (extract
# --channel-field); the edge list needs it.
CHANNEL_FIELD	?=
# After how many days a channel counts as surviving, for the survival report.
SURVIVE		?= 1,2,3,7
# PROBE=1: probe the keys first seen in the last PROBE_DAYS days of the
# data (the night's new keys), with PROBE_FLAGS (--rate, --max, --fresh...).
PROBE		?=
PROBE_DAYS	?= 1
PROBE_FLAGS	?=
BIN		?= $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../bin)
SCRIPTS		:= $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
SELF		:= $(abspath $(lastword $(MAKEFILE_LIST)))
PROBE_BIN	?= $(BIN)/probe

EXTRACT_FLAGS	 = --all --src-platform '$(SRC_PLATFORM)'$(if $(CHANNEL_FIELD), --channel-field '$(CHANNEL_FIELD)')

IN_		:= $(patsubst %/,%,$(IN))
OUT_		:= $(patsubst %/,%,$(OUT))
P		:= $(OUT_)/parts

# bash for pipefail: a failing stage must fail the rule.
SHELL		:= /bin/bash
.SHELLFLAGS	:= -o pipefail -ec
.DELETE_ON_ERROR:

ifneq ($(words $(IN_)) $(words $(OUT_)),1 1)
$(error IN and OUT must be folder names without spaces)
endif

# make -n and -q only look: they run without the lock.
ifneq ($(findstring n,$(firstword -$(MAKEFLAGS)))$(findstring q,$(firstword -$(MAKEFLAGS))),)
NIGHTLY_LOCKED	:= 1
endif

ifndef NIGHTLY_LOCKED
# The first make holds the lock and runs the batch in a second one.
all clean:
	@mkdir -p -- "$(OUT_)"
	@flock -n -E 75 "$(OUT_)/.lock" true || \
		echo "nightly: another run is writing $(OUT_)/; waiting for it" >&2
	+@flock "$(OUT_)/.lock" $(MAKE) --no-print-directory -k -f "$(SELF)" NIGHTLY_LOCKED=1 $@

.PHONY: all clean
else

ifeq ($(filter clean,$(MAKECMDGOALS)),)
ifeq ($(wildcard $(IN_)/.),)
$(error no folder $(IN_)/ (name the logs' folder with IN=))
endif
NAMES		:= $(shell "$(SCRIPTS)/nightly-logs" "$(IN_)" "$(P)" "$(OUT_)")
ifeq ($(NAMES),)
$(error no logs in $(IN_)/)
endif
$(file >$(P)/extract.flags.new,$(EXTRACT_FLAGS))
$(shell cmp -s $(P)/extract.flags.new $(P)/extract.flags && rm -f $(P)/extract.flags.new || mv -f $(P)/extract.flags.new $(P)/extract.flags)
endif

TABLES		:= $(OUT_)/channels-per-day.tsv $(OUT_)/channels.tsv \
		   $(OUT_)/new-per-day.tsv $(OUT_)/survival.tsv $(OUT_)/matrix.tsv \
		   $(OUT_)/edges.tsv $(OUT_)/edges.gexf
ifeq ($(PROBE),1)
TABLES		+= $(OUT_)/probe.tsv
endif
# Results of an earlier night are joined on even when this one probes not.
ifneq ($(PROBE)$(wildcard $(OUT_)/probe.tsv),)
TABLES		+= $(OUT_)/alive.tsv
endif
REPORTS		:= $(TABLES) $(OUT_)/index.html
# Drawn by scripts/report beside the page; not targets of their own.
CHARTS		:= $(OUT_)/new-per-day.png $(OUT_)/survival.png

all: $(REPORTS)
ifneq ($(wildcard $(P)/refused),)
all: refused
endif

# Written whole, sealed, then renamed: a later run never trusts half a file.
done		 = cksum <$@.tmp >$@.seal && mv $@.tmp $@
part		 = $(foreach n,$(NAMES),$(P)/$(n).$(1).tsv)

# $@.list: the $(1) parts, NUL-separated, in the logs' byte order (for dated
# names, time order), once every one is checked against its seal; a list
# file, since thousands of logs would overflow an argument list.
define listed
	$(file >$@.names,$(foreach n,$(NAMES),$(n).$(1).tsv))
	tr -s ' ' '\n' <$@.names >$@.names.tmp && mv $@.names.tmp $@.names
	"$(SCRIPTS)/seal" $(P) $@.names >$@.bad || \
		{ sed 's|^|nightly: $(P)/|; s|$$|: missing, or not as sealed|' $@.bad >&2; exit 2; }
	sed 's|^|$(P)/|' $@.names | tr '\n' '\0' >$@.list
	rm -f $@.names $@.bad
endef

# Per log: extract | normalize rows, then the partials made from them.
# extract exits 1 when a log holds no link: not an error here.
$(P)/%.rows.tsv: $(P)/%.src $(P)/extract.flags
	IFS= read -r -d '' log <$<; \
	{ "$(BIN)/extract" $(EXTRACT_FLAGS) -- "$$log" || [ $$? -eq 1 ]; } | \
		"$(BIN)/normalize" >$@.tmp
	$(done)

$(P)/%.keys.tsv: $(P)/%.rows.tsv
	"$(BIN)/dedupe" -k key --count $< >$@.tmp
	$(done)

$(P)/%.edges.tsv: $(P)/%.rows.tsv
	"$(BIN)/dedupe" -k channel,key --count $< >$@.tmp
	$(done)

$(P)/%.daily.tsv: $(P)/%.rows.tsv
	"$(BIN)/tally" -g platform --by day -a distinct:key --partial $< >$@.tmp
	$(done)

$(P)/%.matrix.tsv: $(P)/%.rows.tsv
	"$(BIN)/tally" -g src_platform,platform $< >$@.tmp
	$(done)

# Distinct channels (keys) per platform per day.
$(OUT_)/channels-per-day.tsv: $(call part,daily) $(P)/logs
	$(call listed,daily)
	"$(BIN)/tally" --merge --sort group --files0-from $@.list >$@.tmp
	rm $@.list; mv $@.tmp $@

# Every channel with its count and first and last time.
$(OUT_)/channels.tsv: $(call part,keys) $(P)/logs
	$(call listed,keys)
	"$(BIN)/dedupe" -k key --merge --files0-from $@.list >$@.tmp
	rm $@.list; mv $@.tmp $@

# New channels per platform per day, and how many were seen again later.
$(OUT_)/new-per-day.tsv: $(OUT_)/channels.tsv
	"$(BIN)/tally" --cohort day -g platform $< >$@.tmp && mv $@.tmp $@

$(OUT_)/survival.tsv: $(OUT_)/channels.tsv
	"$(BIN)/tally" --cohort day --after $(SURVIVE) $< >$@.tmp && mv $@.tmp $@

# PROBE=1: the night's new keys, the rows of channels.tsv first seen in the
# last PROBE_DAYS days of the data (which ends on the latest last_time),
# probed unless probe.tsv says they were checked already (--skip-checked);
# the night's rows are kept in probe-night.tsv and added to probe.tsv.
# probe's status 2 with an unknown row is "some key ended unknown", not a
# failure; any other status but 0 fails the rule, probe.tsv left as it was.
ifeq ($(PROBE),1)
$(OUT_)/probe.tsv: $(OUT_)/channels.tsv
	[ "$(PROBE_DAYS)" -ge 1 ] 2>/dev/null || \
		{ echo "nightly: PROBE_DAYS=$(PROBE_DAYS): want a number of days, 1 or more" >&2; exit 2; }
	trap 'rm -f -- $@.keys $@.tmp $(OUT_)/probe-night.tsv.tmp' EXIT; \
	awk -F '\t' -v days=$(PROBE_DAYS) -f "$(SCRIPTS)/nightly-new-keys" $< $< >$@.keys; \
	status=0; "$(PROBE_BIN)" $(PROBE_FLAGS) $(if $(wildcard $@),--skip-checked $@) \
		-- $@.keys >$(OUT_)/probe-night.tsv.tmp || status=$$?; \
	if [ $$status -eq 2 ] && awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($$i == "status") c = i; next } \
	    c && $$c == "unknown" { u = 1 } END { exit !u }' $(OUT_)/probe-night.tsv.tmp; then \
		echo "nightly: probe: some keys ended unknown (their why column says why); the run goes on" >&2; \
	elif [ $$status -ne 0 ]; then \
		echo "nightly: probe failed (status $$status); $@ left as it was" >&2; exit 2; fi; \
	if [ -s $@ ]; then \
		cmp -s <(head -n 1 $@) <(head -n 1 $(OUT_)/probe-night.tsv.tmp) || \
		{ echo "nightly: $(OUT_)/probe-night.tsv: header differs from $@'s; $@ left as it was" >&2; exit 2; }; \
		{ cat $@; tail -n +2 $(OUT_)/probe-night.tsv.tmp; } >$@.tmp; \
	else cp $(OUT_)/probe-night.tsv.tmp $@.tmp; fi; \
	mv $(OUT_)/probe-night.tsv.tmp $(OUT_)/probe-night.tsv; \
	mv $@.tmp $@
endif

# Found in a day, and alive, gone or unknown when last checked.
$(OUT_)/alive.tsv: $(OUT_)/channels.tsv $(wildcard $(OUT_)/probe.tsv) $(filter %/probe.tsv,$(TABLES))
	"$(BIN)/tally" --cohort day -g platform --alive-from $(OUT_)/probe.tsv $< >$@.tmp && mv $@.tmp $@

# Which platform links to which: src_platform (where the messages were
# posted), platform (where their links point), count.
$(OUT_)/matrix.tsv: $(call part,matrix) $(P)/logs
	$(call listed,matrix)
	"$(BIN)/tally" --merge --sort group --files0-from $@.list >$@.tmp
	rm $@.list; mv $@.tmp $@

# An edge without its channel is no edge: say how many, and how to name the
# logs' channel column. (The matrix needs no channel: its src_platform is
# SRC_PLATFORM, its platform the link's.)
$(OUT_)/edges.tsv: $(call part,edges) $(P)/logs
	$(call listed,edges)
	"$(BIN)/dedupe" -k channel,key --merge --files0-from $@.list >$@.tmp
	rm $@.list; mv $@.tmp $@
	@awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($$i == "channel") c = i; next } \
		c && $$c == "" { n++ } \
		END { if (n) printf "nightly: %s: %d of %d rows have no channel: extract fills it from each log\047s channel or chat column; name another with CHANNEL_FIELD=NAME\n", FILENAME, n, NR - 1 > "/dev/stderr" }' $@

# Quiet (-q) about rows without a channel: edges.tsv said it.
$(OUT_)/edges.gexf: $(OUT_)/edges.tsv
	"$(SCRIPTS)/edges2gexf" -q $< >$@.tmp && mv $@.tmp $@

# The page that shows the night: headline numbers, charts, tables, and
# links to the files above.
$(OUT_)/index.html: $(TABLES) $(P)/logs $(wildcard $(P)/refused)
	"$(SCRIPTS)/report" "$(OUT_)"

# Logs nightly-logs could not read fail the run, after the others are done.
refused:
	@if [ -s $(P)/refused ]; then \
		echo "nightly: $$(tr -cd '\0' <$(P)/refused | wc -c) log(s) in $(IN_)/ could not be read" >&2; \
		exit 2; fi

clean:
	rm -rf -- $(P) $(filter-out %/probe.tsv,$(REPORTS)) $(CHARTS) $(OUT_)/probe-night.tsv

.PHONY: all clean refused
.SECONDARY:
endif
