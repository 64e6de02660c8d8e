# A Slack workspace export: CHANNEL/YYYY-MM-DD.json, each a JSON array of
# messages naming no channel: the channel is the folder, the time the "ts"
# epoch (fraction dropped). A JSON array under another name gets no channel.
cd "$TESTDATA/formats" || exit 2
extract --all slack/general/2015-06-05.json slack/random/2015-06-06.json
cp slack/random/2015-06-06.json "$OLDPWD/day.json"
cd "$OLDPWD" && extract --all day.json
