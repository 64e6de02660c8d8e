# DiscordChatExporter JSON: content, timestamp with offset, embeds (preview;
# one equal to a visible link is written once), a forward (reference type
# Forward -> discord.com/channels/G/C/M, its content read too), and --keep of
# the guild, channel and author fields.
cd "$TESTDATA/formats" || exit 2
extract --keep guild.id,channel.id,author.name discord.json
