# TGDataset: the message's member name is its id for --keep id, unless the
# message has an id of its own; the channel is the username, else the
# channel's member name.
cd "$TESTDATA/formats" || exit 2
extract --keep id tgdataset.json
