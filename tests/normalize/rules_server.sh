# Rocket.Chat is Rocket.Chat only where it is: an /invite/ path elsewhere is
# a web link (a referral, a shop), a server a rules file names with the rows
# of open.rocket.chat gets them, and every key is the link's own.
printf 'chat.example.org\trocketchat\t=open.rocket.chat\n' >servers.rules
printf '%s\n' url https://initiativeq.com/invite/AbCdEf https://www.binance.com/invite/XyZ \
    https://chat.example.org/invite/AbCdEf https://chat.example.org/channel/General?msg=Q1 \
    https://open.rocket.chat/invite/5sBs3a https://acme.rocket.chat/group/Ops \
    'https://go.rocket.chat/invite?host=chat.example.org&path=invite%2FAbCdEf' >links.tsv
normalize links.tsv
echo '# with the server named:'
normalize --rules servers.rules links.tsv
