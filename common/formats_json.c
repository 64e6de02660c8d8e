/*
 * formats_json: messages out of JSON. JSON Lines (Telethon, 4CAT, Pyrogram,
 * Bot API updates), a JSON array of such messages, Telegram Desktop's
 * result.json and DiscordChatExporter's JSON. Exports are streamed: only
 * one message at a time is held, however big the file.
 *	extract --format tgexport result.json | normalize
 */
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "formats_int.h"
#include "input.h"
#include "json.h"
#include "msg.h"
#include "util.h"
#include "warn.h"

struct jx {
	const struct format_opts *o;
	message_fn		*fn;
	void			*ctx;
	struct format_stats	*st;
	struct fmt_src		*src;
	struct json_reader	*j;
	struct json_doc		 d;		/* the message being read */
	struct json_doc		 outer;		/* a top-level object, but for
						   the messages streamed out of it */
	struct json_build	 ob;
	char			*uname;		/* TGDataset: the channel's username */
	size_t			 unlen, uncap;
	struct fmt_links	 links;
	struct fmt_pieces	 pieces;	/* of the text, for m.pieces */
	struct text		 msg_key;	/* TGDataset: the message's member name */
	char			*text;		/* text put together from pieces */
	size_t			 tlen, tcap;
	char			*fwd;		/* forward_from put together */
	size_t			 fwdlen, fwdcap;
	char			*url;		/* a link put together */
	size_t			 ulen, ucap;
	struct text		*keep;
	struct message		 m;
	/* Telegram Desktop: the chat being read */
	char			*chat_name, *chat_id, *chat_type;
	int			 warned_local;
	/* DiscordChatExporter: the guild and channel objects */
	struct json_doc		 guild, channel;
	char			*chan;		/* channel column of an export */
	int			 stop;		/* the callback said stop */
	struct fmt_jsonl_quiet	 quiet;		/* the sign pass, when not sifted */
	int			 quiet_on;	/* the sign pass passes over quiet lines */
	int			 sifted;	/* input_filter is on (src->sifting) */
	size_t			 line_len;	/* line mode: bytes of the line so far */
	int			 cut;		/* its line was too long: no error of its own */
	unsigned long long	 seen;		/* sifted: the line returned last */
	unsigned long long	 long_seen;	/* and input_skipped then */
};

static void
append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	xgrow(buf, cap, *len + n + 1);
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

static void
appends(char **buf, size_t *len, size_t *cap, const char *s)
{
	append(buf, len, cap, s, strlen(s));
}

/* Text of a scalar node, as --keep and the channel column show it. */
static int
scalar(const struct json_doc *d, size_t i, struct text *t)
{
	if (i == JSON_NONE || i >= d->n)
		return 0;
	switch (d->node[i].type) {
	case JSON_STRING:
	case JSON_NUMBER:
		t->p = json_str(d, i, &t->len);
		return 1;
	case JSON_TRUE:
		t->p = "true";
		t->len = 4;
		return 1;
	case JSON_FALSE:
		t->p = "false";
		t->len = 5;
		return 1;
	default:
		return 0;
	}
}

/* The first of several dotted paths that gives a scalar. */
static int
first_scalar(const struct json_doc *d, size_t node, const char *const *paths, struct text *t)
{
	for (; *paths; paths++)
		if (scalar(d, json_get_path(d, node, *paths), t) && t->len > 0)
			return 1;
	return 0;
}

struct collect {
	struct jx	*x;
	const char	*where;		/* links: where; NULL: text pieces */
	size_t		 count;
	struct text	 first;
};

static void
collect_fn(void *ctx, const struct json_doc *d, size_t node)
{
	struct collect *c = ctx;
	struct text t;

	if (!scalar(d, node, &t))
		return;
	if (c->where) {
		fmt_links_add(&c->x->links, t.p, t.len, c->where);
		return;
	}
	/* Pieces of text found by --json-text: one per line. */
	if (c->count == 0)
		c->first = t;
	else {
		if (c->count == 1) {
			c->x->tlen = 0;
			append(&c->x->text, &c->x->tlen, &c->x->tcap, c->first.p, c->first.len);
		}
		append(&c->x->text, &c->x->tlen, &c->x->tcap, "\n", 1);
		append(&c->x->text, &c->x->tlen, &c->x->tcap, t.p, t.len);
	}
	c->count++;
}

static void
links_at(struct jx *x, size_t node, const char *path, const char *where)
{
	struct collect c = { x, where, 0, { NULL, 0 } };
	char first[32];
	size_t n = strcspn(path, ".[");

	/* Most messages have no such member: look before walking the path. */
	if (n < sizeof(first)) {
		memcpy(first, path, n);
		first[n] = '\0';
		if (json_get(&x->d, node, first) == JSON_NONE)
			return;
	}
	json_path_each(&x->d, node, path, collect_fn, &c);
}

/*
 * Text as Telegram Desktop writes it: a string, or an array of strings and
 * entity objects whose "text" pieces make the message; a text_link's href
 * is a hidden link. Entities that mark their piece (formats_pieces.c) are
 * kept as the message's pieces.
 */
static void
tdesktop_text(struct jx *x, size_t node)
{
	const struct json_doc *d = &x->d;
	size_t c, t, href;
	struct text s, type;
	int kind;

	if (d->node[node].type == JSON_STRING) {
		x->m.text.p = json_str(d, node, &x->m.text.len);
		return;
	}
	if (d->node[node].type != JSON_BEGIN_ARRAY)
		return;
	x->tlen = 0;
	xgrow(&x->text, &x->tcap, 1);
	x->text[0] = '\0';
	for (c = node + 1; c < d->node[node].end; c = d->node[c].end) {
		kind = PIECE_NONE;
		if (d->node[c].type == JSON_STRING)
			t = c;
		else if (d->node[c].type == JSON_BEGIN_OBJECT) {
			t = json_get(d, c, "text");
			href = json_get(d, c, "href");
			if (scalar(d, href, &s))
				fmt_links_add(&x->links, s.p, s.len, "entity");
			if (scalar(d, json_get(d, c, "type"), &type))
				kind = fmt_piece_kind(type.p, type.len);
		} else
			continue;
		if (scalar(d, t, &s)) {
			if (kind != PIECE_NONE)
				fmt_pieces_add(&x->pieces, x->tlen, s.len, kind == PIECE_LINK);
			append(&x->text, &x->tlen, &x->tcap, s.p, s.len);
		}
	}
	x->m.text.p = x->text;
	x->m.text.len = x->tlen;
}

/* A JSON number written in digits alone (not "-1", "2.5", "1e3"), as a count. */
static int
count_of(const struct json_doc *d, size_t i, size_t *v)
{
	const char *p;
	size_t len, n = 0;

	if (i == JSON_NONE || d->node[i].type != JSON_NUMBER)
		return 0;
	p = json_str(d, i, &len);
	if (len == 0 || len > 15)
		return 0;
	for (size_t k = 0; k < len; k++) {
		if (p[k] < '0' || p[k] > '9')
			return 0;
		n = n * 10 + (size_t)(p[k] - '0');
	}
	*v = n;
	return 1;
}

/*
 * The pieces a string text's entities mark: Telegram's API (Telethon's
 * "_", 4CAT's "_type", Pyrogram's and the Bot API's "type", TDLib's
 * "type"."@type"), offsets and lengths in UTF-16 code units. An entity
 * whose numbers are not counts, or do not fall on characters of the
 * text, is left out: the text around it is searched as if unmarked.
 */
static void
entity_pieces(struct jx *x, size_t node, const char *key)
{
	static const char *const type_keys[] = { "type", "type.@type", "_", "_type", NULL };
	const struct json_doc *d = &x->d;
	size_t a = json_get(d, node, key), e, off, len;
	struct text type;
	int kind;

	if (a == JSON_NONE || d->node[a].type != JSON_BEGIN_ARRAY)
		return;
	for (e = a + 1; e < d->node[a].end; e = d->node[e].end) {
		if (d->node[e].type != JSON_BEGIN_OBJECT || !first_scalar(d, e, type_keys, &type))
			continue;
		kind = fmt_piece_kind(type.p, type.len);
		if (kind != PIECE_NONE && count_of(d, json_get(d, e, "offset"), &off) &&
		    count_of(d, json_get(d, e, "length"), &len))
			fmt_pieces_add(&x->pieces, off, len, kind == PIECE_LINK);
	}
	fmt_pieces_utf16(&x->pieces, x->m.text.p, x->m.text.len);
}

static void
set_forward_name(struct jx *x, const char *prefix, const char *s, size_t n)
{
	x->fwdlen = 0;
	appends(&x->fwd, &x->fwdlen, &x->fwdcap, prefix);
	append(&x->fwd, &x->fwdlen, &x->fwdcap, s, n);
	x->m.forward_from.p = x->fwd;
	x->m.forward_from.len = x->fwdlen;
}

/* A forward's link: t.me/NAME/POST for a public channel, else t.me/c/ID/POST. */
static void
forward_link(struct jx *x, const struct text *username, const struct text *id,
    const struct text *post)
{
	const char *p;
	size_t n;

	x->ulen = 0;
	if (username && username->len) {
		appends(&x->url, &x->ulen, &x->ucap, "https://t.me/");
		append(&x->url, &x->ulen, &x->ucap, username->p, username->len);
	} else {
		/* Bot API ids carry a "-100" prefix that t.me/c/ links drop. */
		p = id->p;
		n = id->len;
		if (n > 4 && memcmp(p, "-100", 4) == 0) {
			p += 4;
			n -= 4;
		} else if (n > 1 && *p == '-') {
			p++;
			n--;
		}
		appends(&x->url, &x->ulen, &x->ucap, "https://t.me/c/");
		append(&x->url, &x->ulen, &x->ucap, p, n);
	}
	appends(&x->url, &x->ulen, &x->ucap, "/");
	append(&x->url, &x->ulen, &x->ucap, post->p, post->len);
	fmt_links_add(&x->links, x->url, x->ulen, "forward");
}

/* Telethon's fwd_from (both layers, "_" or 4CAT's "_type"). */
static void
telethon_forward(struct jx *x, size_t fwd)
{
	const struct json_doc *d = &x->d;
	static const char *const chan_paths[] = { "from_id.channel_id", "channel_id", NULL };
	struct text id, post, name;

	if (fwd == JSON_NONE || d->node[fwd].type != JSON_BEGIN_OBJECT)
		return;
	if (first_scalar(d, fwd, chan_paths, &id) && scalar(d, json_get(d, fwd, "channel_post"),
	    &post) && post.len)
		forward_link(x, NULL, &id, &post);
	if (scalar(d, json_get(d, fwd, "from_name"), &name) && name.len)
		set_forward_name(x, "", name.p, name.len);
	else if (x->links.n == 0 || strcmp(x->links.v[x->links.n - 1].where, "forward") != 0) {
		/* No post to link to: name the origin by its id. */
		if (first_scalar(d, fwd, chan_paths, &id))
			set_forward_name(x, "channel", id.p, id.len);
		else if (scalar(d, json_get_path(d, fwd, "from_id.user_id"), &id) ||
		    (d->node[json_get(d, fwd, "from_id")].type == JSON_NUMBER &&
		    scalar(d, json_get(d, fwd, "from_id"), &id)))
			set_forward_name(x, "user", id.p, id.len);
	}
}

/* Pyrogram and the Bot API: forward_from_chat, forward_origin, forward_from. */
static void
pyrogram_forward(struct jx *x, size_t m)
{
	const struct json_doc *d = &x->d;
	static const char *const name_paths[] = { "title", "username", "first_name", NULL };
	size_t chat = json_get(d, m, "forward_from_chat"), origin;
	struct text user, id, post, name;
	int have_post;

	have_post = scalar(d, json_get(d, m, "forward_from_message_id"), &post);
	if (chat == JSON_NONE && (origin = json_get(d, m, "forward_origin")) != JSON_NONE) {
		chat = json_get(d, origin, "chat");
		if (chat == JSON_NONE)
			chat = json_get(d, origin, "sender_chat");
		have_post = scalar(d, json_get(d, origin, "message_id"), &post);
		if (chat == JSON_NONE) {
			if (first_scalar(d, json_get(d, origin, "sender_user"), name_paths, &name) ||
			    scalar(d, json_get(d, origin, "sender_user_name"), &name))
				set_forward_name(x, "", name.p, name.len);
			return;
		}
	}
	if (chat != JSON_NONE && d->node[chat].type == JSON_BEGIN_OBJECT) {
		if (!scalar(d, json_get(d, chat, "username"), &user))
			user.len = 0;
		if (have_post && post.len && (user.len || scalar(d, json_get(d, chat, "id"), &id)))
			forward_link(x, user.len ? &user : NULL, &id, &post);
		if (first_scalar(d, chat, name_paths, &name))
			set_forward_name(x, "", name.p, name.len);
		return;
	}
	if (first_scalar(d, json_get(d, m, "forward_from"), name_paths, &name) ||
	    scalar(d, json_get(d, m, "forward_sender_name"), &name))
		set_forward_name(x, "", name.p, name.len);
}

static void
keep_values(struct jx *x, size_t node)
{
	const struct json_doc *d = &x->d;
	const char *k;

	for (size_t i = 0; i < x->o->nkeep; i++) {
		k = x->o->keep[i];
		x->keep[i].p = "";
		x->keep[i].len = 0;
		if (scalar(d, json_get_path(d, node, k), &x->keep[i]))
			continue;
		/* Fields of the export around the message. */
		if (strcmp(k, "id") == 0 && x->msg_key.p)
			x->keep[i] = x->msg_key;
		else if (strcmp(k, "chat.name") == 0 && x->chat_name)
			x->keep[i] = (struct text){ x->chat_name, strlen(x->chat_name) };
		else if (strcmp(k, "chat.id") == 0 && x->chat_id)
			x->keep[i] = (struct text){ x->chat_id, strlen(x->chat_id) };
		else if (strcmp(k, "chat.type") == 0 && x->chat_type)
			x->keep[i] = (struct text){ x->chat_type, strlen(x->chat_type) };
		else if (strncmp(k, "guild.", 6) == 0 && x->guild.n)
			scalar(&x->guild, json_get_path(&x->guild, 0, k + 6), &x->keep[i]);
		else if (strncmp(k, "channel.", 8) == 0 && x->channel.n)
			scalar(&x->channel, json_get_path(&x->channel, 0, k + 8), &x->keep[i]);
	}
}

/* Start a message read from node, at line. */
static void
begin(struct jx *x, unsigned long long line)
{
	struct message *m = &x->m;

	m->line = line;
	m->time[0] = '\0';
	m->text.p = "";
	m->text.len = 0;
	m->channel.p = x->chan ? x->chan : "";
	m->channel.len = x->chan ? strlen(x->chan) : 0;
	m->forward_from.p = "";
	m->forward_from.len = 0;
	fmt_links_clear(&x->links);
	x->pieces.n = 0;
}

/* Collect what each path of a comma list reaches, in order. */
static void
collect_list(struct jx *x, size_t node, const char *list, struct collect *c)
{
	const char *p, *comma;
	char *path;

	for (p = list; p && *p; p = comma ? comma + 1 : p + strlen(p)) {
		comma = strchr(p, ',');
		path = xmemdup(p, comma ? (size_t)(comma - p) : strlen(p));
		json_path_each(&x->d, node, path, collect_fn, c);
		free(path);
	}
}

/*
 * --json-* paths given by the user (comma lists), over the defaults: text
 * is every piece found, one per line; time and channel the first found;
 * links are added to the defaults' as entities.
 */
static void
user_paths(struct jx *x, size_t node)
{
	const struct format_opts *o = x->o;
	struct collect c = { x, NULL, 0, { NULL, 0 } };

	if (o->json_text) {
		/* Not the text the input's entities count in. */
		x->pieces.n = 0;
		collect_list(x, node, o->json_text, &c);
		if (c.count == 1)
			x->m.text = c.first;
		else if (c.count > 1)
			x->m.text = (struct text){ x->text, x->tlen };
		else
			x->m.text = (struct text){ "", 0 };
	}
	if (o->json_time) {
		c = (struct collect){ x, NULL, 0, { "", 0 } };
		collect_list(x, node, o->json_time, &c);
		fmt_time(&x->m, c.first.p, c.first.len, x->st);
	}
	if (o->json_channel) {
		c = (struct collect){ x, NULL, 0, { "", 0 } };
		collect_list(x, node, o->json_channel, &c);
		x->m.channel = c.first;
	}
	if (o->json_links) {
		c = (struct collect){ x, "entity", 0, { NULL, 0 } };
		collect_list(x, node, o->json_links, &c);
	}
}

static void
finish(struct jx *x, size_t node)
{
	/* Slack's messages have no id but their "ts" */
	static const char *const id_keys[] = { "id", "message_id", "ts", NULL };

	if (!first_scalar(&x->d, node, id_keys, &x->m.msg_id))
		x->m.msg_id = x->msg_key.p ? x->msg_key : (struct text){ "", 0 };
	keep_values(x, node);
	x->m.keep = x->keep;
	x->m.nkeep = x->o->nkeep;
	x->m.pieces = x->pieces.v;
	x->m.npieces = x->pieces.n;
	fmt_links_done(&x->links, &x->m);
	x->st->messages++;
	if (x->fn(x->ctx, &x->m) != 0)
		x->stop = 1;
}

/* A Telethon, 4CAT, Pyrogram or Bot API message object. */
static void
telethon_message(struct jx *x, size_t node, unsigned long long line, const struct text *chan)
{
	static const char *const text_keys[] = { "message", "text", "caption", "content",
		"body", NULL };
	static const char *const time_keys[] = { "date", "timestamp", "date_unixtime", "ts",
		"time", NULL };
	static const char *const chan_keys[] = { "_chat.username", "_chat.id",
		"chat.username", "chat.id", "peer_id.channel_id", "peer_id.chat_id",
		"peer_id.user_id", "to_id.channel_id", "to_id.chat_id", "to_id.user_id",
		"channel_id", "channel", NULL };
	const struct json_doc *d = &x->d;
	struct text t;
	size_t i;

	begin(x, line);
	x->m.platform = "telegram";
	for (const char *const *k = text_keys; *k; k++) {
		i = json_get(d, node, *k);
		if (i != JSON_NONE && (d->node[i].type == JSON_STRING ||
		    d->node[i].type == JSON_BEGIN_ARRAY)) {
			tdesktop_text(x, i);
			/* A caption's entities are its own (Pyrogram, Bot API). */
			if (d->node[i].type == JSON_STRING)
				entity_pieces(x, node, strcmp(*k, "caption") == 0 ?
				    "caption_entities" : "entities");
			break;
		}
	}
	if (first_scalar(d, node, time_keys, &t))
		fmt_time(&x->m, t.p, t.len, x->st);
	if (chan)
		x->m.channel = *chan;
	else if (first_scalar(d, node, chan_keys, &t))
		x->m.channel = t;
	links_at(x, node, "entities[].url", "entity");
	links_at(x, node, "caption_entities[].url", "entity");
	links_at(x, node, "media.webpage.url", "preview");
	links_at(x, node, "web_page.url", "preview");
	links_at(x, node, "link_preview_options.url", "preview");
	links_at(x, node, "reply_markup.rows[].buttons[].url", "button");
	links_at(x, node, "reply_markup.inline_keyboard[][].url", "button");
	if ((i = json_get(d, node, "fwd_from")) != JSON_NONE)
		telethon_forward(x, i);
	else
		pyrogram_forward(x, node);
	user_paths(x, node);
	finish(x, node);
}

/* Has node a text field the defaults would read? */
static int
has_text(const struct json_doc *d, size_t node)
{
	static const char *const keys[] = { "message", "text", "caption", "content", "body",
		NULL };
	size_t i;

	for (const char *const *k = keys; *k; k++)
		if ((i = json_get(d, node, *k)) != JSON_NONE &&
		    (d->node[i].type == JSON_STRING || d->node[i].type == JSON_BEGIN_ARRAY))
			return 1;
	return 0;
}

/*
 * One top-level object of JSON Lines or of a JSON array: a message, a Bot
 * API update holding one, a response holding "messages" (telegram-tracker),
 * or TGDataset's {channel_id: {username, text_messages: {id: message}}}.
 */
static void
jsonl_object(struct jx *x, unsigned long long line)
{
	static const char *const updates[] = { "message", "channel_post", "edited_message",
		"edited_channel_post", "business_message", NULL };
	const struct json_doc *d = &x->d;
	struct text chan;
	size_t i, c, tm, msg;

	if (x->o->json_text) {
		telethon_message(x, 0, line, NULL);
		return;
	}
	if (json_get(d, 0, "update_id") != JSON_NONE) {
		for (const char *const *k = updates; *k; k++)
			if ((i = json_get(d, 0, *k)) != JSON_NONE &&
			    d->node[i].type == JSON_BEGIN_OBJECT) {
				telethon_message(x, i, line, NULL);
				return;
			}
		return;
	}
	if (has_text(d, 0)) {
		telethon_message(x, 0, line, NULL);
		return;
	}
	if ((i = json_get(d, 0, "messages")) != JSON_NONE && d->node[i].type == JSON_BEGIN_ARRAY) {
		for (c = i + 1; c < d->node[i].end && !x->stop; c = d->node[c].end)
			if (d->node[c].type == JSON_BEGIN_OBJECT)
				telethon_message(x, c, line, NULL);
		return;
	}
	for (c = 1; c < d->node[0].end && !x->stop; c = d->node[c].end) {
		tm = json_get(d, c, "text_messages");
		if (tm == JSON_NONE || d->node[tm].type != JSON_BEGIN_OBJECT)
			continue;
		if (!scalar(d, json_get(d, c, "username"), &chan) || chan.len == 0)
			chan = (struct text){ d->str + d->node[c].key, d->node[c].klen };
		for (msg = tm + 1; msg < d->node[tm].end && !x->stop; msg = d->node[msg].end) {
			if (d->node[msg].type != JSON_BEGIN_OBJECT)
				continue;
			/* The message's id is its member name. */
			x->msg_key = (struct text){ d->str + d->node[msg].key, d->node[msg].klen };
			telethon_message(x, msg, line, &chan);
		}
		x->msg_key = (struct text){ NULL, 0 };
	}
}

/* Said once per run, counted per input (warn.h). */
static struct warn_kind no_unixtime = WARN_KIND("inputs");

/* A Telegram Desktop message; service messages are skipped. */
static void
tdesktop_message(struct jx *x, unsigned long long line)
{
	const struct json_doc *d = &x->d;
	size_t i, row, b;
	struct text t, type;

	if (json_is(d, json_get(d, 0, "type"), "service"))
		return;
	begin(x, line);
	x->m.platform = "telegram";
	if ((i = json_get(d, 0, "text")) != JSON_NONE && (d->node[i].type == JSON_STRING ||
	    d->node[i].type == JSON_BEGIN_ARRAY))
		tdesktop_text(x, i);
	else if ((i = json_get(d, 0, "text_entities")) != JSON_NONE)
		tdesktop_text(x, i);
	if (scalar(d, json_get(d, 0, "date_unixtime"), &t) && t.len)
		fmt_time(&x->m, t.p, t.len, x->st);
	else if (scalar(d, json_get(d, 0, "date"), &t) && t.len) {
		/* Exports before 2022 have only the exporter's local time. */
		if (!x->warned_local) {
			warn_at(&no_unixtime, fmt_src_name(x->src), line, "no date_unixtime: "
			    "times are the exporter's local time, written as if UTC");
			x->warned_local = 1;
		}
		fmt_time(&x->m, t.p, t.len, x->st);
	}
	/* inline_bot_buttons: rows of buttons; URL-carrying types keep it in data. */
	if ((i = json_get(d, 0, "inline_bot_buttons")) != JSON_NONE &&
	    d->node[i].type == JSON_BEGIN_ARRAY)
		for (row = i + 1; row < d->node[i].end; row = d->node[row].end) {
			if (d->node[row].type != JSON_BEGIN_ARRAY)
				continue;
			for (b = row + 1; b < d->node[row].end; b = d->node[b].end) {
				if (!scalar(d, json_get(d, b, "type"), &type))
					continue;
				if (((type.len == 3 && memcmp(type.p, "url", 3) == 0) ||
				    (type.len == 4 && memcmp(type.p, "auth", 4) == 0) ||
				    (type.len == 8 && memcmp(type.p, "web_view", 8) == 0) ||
				    (type.len == 15 && memcmp(type.p, "simple_web_view", 15) == 0)) &&
				    scalar(d, json_get(d, b, "data"), &t))
					fmt_links_add(&x->links, t.p, t.len, "button");
			}
		}
	if (scalar(d, json_get(d, 0, "forwarded_from"), &t) && t.len)
		set_forward_name(x, "", t.p, t.len);
	user_paths(x, 0);
	finish(x, 0);
}

/* A DiscordChatExporter message. */
static void
discord_message(struct jx *x, unsigned long long line)
{
	const struct json_doc *d = &x->d;
	struct text t, g, c, msg;
	size_t ref, fwd;

	begin(x, line);
	x->m.platform = "discord";
	if (scalar(d, json_get(d, 0, "content"), &t))
		x->m.text = t;
	/* A forwarded message's own content is part of what this one shows. */
	fwd = json_get(d, 0, "forwardedMessage");
	if (fwd != JSON_NONE && scalar(d, json_get(d, fwd, "content"), &t) && t.len) {
		x->tlen = 0;
		append(&x->text, &x->tlen, &x->tcap, x->m.text.p, x->m.text.len);
		append(&x->text, &x->tlen, &x->tcap, "\n", 1);
		append(&x->text, &x->tlen, &x->tcap, t.p, t.len);
		x->m.text = (struct text){ x->text, x->tlen };
	}
	if (scalar(d, json_get(d, 0, "timestamp"), &t))
		fmt_time(&x->m, t.p, t.len, x->st);
	links_at(x, 0, "embeds[].url", "preview");
	links_at(x, 0, "forwardedMessage.embeds[].url", "preview");
	links_at(x, 0, "attachments[].url", "attachment");
	links_at(x, 0, "forwardedMessage.attachments[].url", "attachment");
	ref = json_get(d, 0, "reference");
	if (ref != JSON_NONE && json_is(d, json_get(d, ref, "type"), "Forward") &&
	    scalar(d, json_get(d, ref, "guildId"), &g) &&
	    scalar(d, json_get(d, ref, "channelId"), &c) &&
	    scalar(d, json_get(d, ref, "messageId"), &msg)) {
		x->ulen = 0;
		appends(&x->url, &x->ulen, &x->ucap, "https://discord.com/channels/");
		append(&x->url, &x->ulen, &x->ucap, g.p, g.len);
		append(&x->url, &x->ulen, &x->ucap, "/", 1);
		append(&x->url, &x->ulen, &x->ucap, c.p, c.len);
		append(&x->url, &x->ulen, &x->ucap, "/", 1);
		append(&x->url, &x->ulen, &x->ucap, msg.p, msg.len);
		fmt_links_add(&x->links, x->url, x->ulen, "forward");
	}
	user_paths(x, 0);
	finish(x, 0);
}

/* Is k a member that makes an object a message (or an update holding one)? */
static int
message_key(const char *k)
{
	static const char *const keys[] = { "message", "text", "caption", "content", "body",
		"update_id", NULL };

	for (const char *const *p = keys; *p; p++)
		if (strcmp(k, *p) == 0)
			return 1;
	return 0;
}

/* Add the value whose first token t was just read to the outer doc. */
static int
build_value(struct jx *x, int t)
{
	int depth = x->ob.depth;

	while (json_build_add(&x->ob, x->j, t) > depth)
		if ((t = json_next(x->j)) <= 0)
			return t;
	return 1;
}

/*
 * A message that cannot be read, nested too deep or longer than the record
 * bound, after the reader said so: reported at the line it began on,
 * counted, and skipped unheld, so that one bad message costs itself only
 * and the rest of the export is read. depth: the container's. 0, or the
 * token that broke the input while skipping it.
 */
static int
skip_message(struct jx *x, int depth, unsigned long long line)
{
	if (strcmp(json_error(x->j), "too long") == 0)
		xwarnx("%s:%llu: message longer than --max-record (%zu bytes), skipped",
		    fmt_src_name(x->src), line, input_max_record());
	else
		xwarnx("%s:%llu: message nested deeper than %d levels, skipped",
		    fmt_src_name(x->src), line, JSON_MAX_DEPTH);
	x->st->skipped++;
	json_limit(x->j, 0);
	/* a cut inside it is reported by the caller, as any other */
	return json_skip_broken(x->j, depth) > 0 ? 0 : JSON_ERROR;
}

/*
 * The message object whose '{' (t) was just read, into x->d, bounded by
 * --max-record: 1; 0 when it was skipped; else the token that broke it.
 */
static int
read_message(struct jx *x, int t, unsigned long long line)
{
	int depth = json_depth(x->j) - 1;

	json_limit(x->j, json_offset(x->j) - 1 + input_max_record());
	t = json_doc_read(x->j, &x->d, t);
	if (t == JSON_ERROR && json_skippable(x->j))
		return skip_message(x, depth, line);
	json_limit(x->j, 0);
	return t;
}

/* One message object streamed out of a container, at the line it starts on. */
static int
streamed_message(struct jx *x, int t, const struct text *chan)
{
	unsigned long long line = x->src->lineno;

	if ((t = read_message(x, t, line)) <= 0)
		return t < 0 ? t : 1;
	telethon_message(x, 0, line, chan);
	return 1;
}

/*
 * The next member of the object being read: its name into *key (*klen
 * bytes, NUL-ended), the first token of its value in *t. 1; 0 at the
 * object's end (*t is its closing token); -1 when *t broke it.
 */
static int
next_member(struct jx *x, char **key, size_t *klen, size_t *keycap, int *t)
{
	const char *s;
	size_t len;

	if ((*t = json_next(x->j)) == JSON_END_OBJECT)
		return 0;
	if (*t != JSON_KEY)
		return -1;
	s = json_text(x->j, &len);
	*klen = 0;
	append(key, klen, keycap, s, len);
	if ((*t = json_next(x->j)) <= 0)
		return -1;
	return 1;
}

/*
 * A member of a top-level object that is an object itself: a TGDataset
 * channel when it holds "text_messages", whose messages are streamed out
 * (the channel named by a "username" before them, else by its member
 * name), after which the channel's other members are skipped and what was
 * kept of it dropped. Anything else is kept, in case the top-level object
 * is a message. *streamed is set when messages were read.
 */
static int
channel(struct jx *x, const char *name, int *streamed)
{
	struct json_mark mark;
	struct text chan;
	const char *s;
	char *key = NULL;
	size_t len, keycap = 0, klen;
	int t, r, here = 0, rc = 1;

	json_build_mark(&x->ob, &mark);
	if (!*streamed) {
		json_build_key(&x->ob, name, strlen(name));
		json_build_add(&x->ob, x->j, JSON_BEGIN_OBJECT);
	}
	x->unlen = 0;
	while (!x->stop) {
		if ((r = next_member(x, &key, &klen, &keycap, &t)) <= 0) {
			if (r < 0)
				rc = t;
			break;
		}
		if (strcmp(key, "username") == 0 && (t == JSON_STRING || t == JSON_NUMBER)) {
			s = json_text(x->j, &len);
			x->unlen = 0;
			append(&x->uname, &x->unlen, &x->uncap, s, len);
		}
		if (strcmp(key, "text_messages") == 0 && t == JSON_BEGIN_OBJECT) {
			chan = x->unlen ? (struct text){ x->uname, x->unlen } :
			    (struct text){ name, strlen(name) };
			here = 1;
			while (!x->stop && (t = json_next(x->j)) == JSON_KEY) {
				s = json_text(x->j, &len);
				klen = 0;
				append(&key, &klen, &keycap, s, len);
				if ((t = json_next(x->j)) <= 0)
					break;
				/* The message's id is its member name. */
				x->msg_key = (struct text){ key, klen };
				if (t == JSON_BEGIN_OBJECT)
					t = streamed_message(x, t, &chan);
				else
					t = json_skip(x->j, t);
				if (t <= 0)
					break;
			}
			x->msg_key = (struct text){ NULL, 0 };
			if (x->stop)
				break;
			if (t != JSON_END_OBJECT) {
				rc = t <= 0 ? t : JSON_ERROR;
				break;
			}
			continue;
		}
		if (here || *streamed) {
			if ((t = json_skip(x->j, t)) <= 0) {
				rc = t;
				break;
			}
			continue;
		}
		json_build_key(&x->ob, key, klen);
		if ((t = build_value(x, t)) <= 0) {
			rc = t;
			break;
		}
	}
	free(key);
	if (rc > 0 && !*streamed) {
		if (here)
			json_build_rewind(&x->ob, &mark);
		else if (!x->stop)
			json_build_add(&x->ob, x->j, JSON_END_OBJECT);
	}
	*streamed |= here;
	return rc;
}

/*
 * A top-level object of JSON Lines or of an array, read a member at a
 * time so that the messages of a container (telegram-tracker's
 * "messages" array, TGDataset's channels) are read one by one, at the
 * line each starts on, instead of the whole object being held. An object
 * that turns out to be a message (or an update) is kept whole and read
 * as jsonl_object says. 1, or the token that broke it.
 */
static int
object(struct jx *x, unsigned long long line)
{
	struct json_doc tmp;
	char *key = NULL;
	size_t klen, keycap = 0;
	int t, r, rc = 1, streamed = 0, is_message = 0;

	if (x->o->json_text) {
		if ((t = json_doc_read(x->j, &x->d, JSON_BEGIN_OBJECT)) <= 0)
			return t;
		jsonl_object(x, line);
		return 1;
	}
	json_build_start(&x->ob, &x->outer);
	json_build_add(&x->ob, x->j, JSON_BEGIN_OBJECT);
	while (!x->stop) {
		if ((r = next_member(x, &key, &klen, &keycap, &t)) <= 0) {
			if (r == 0)
				json_build_add(&x->ob, x->j, t);
			else
				rc = t;
			break;
		}
		is_message |= message_key(key);
		if (!is_message && strcmp(key, "messages") == 0 && t == JSON_BEGIN_ARRAY) {
			while (!x->stop && (t = json_next(x->j)) != JSON_END_ARRAY) {
				if (t <= 0)
					break;
				t = t == JSON_BEGIN_OBJECT ? streamed_message(x, t, NULL) :
				    json_skip(x->j, t);
				if (t <= 0)
					break;
			}
			if (t <= 0) {
				rc = t;
				break;
			}
			streamed = 1;
		} else if (!is_message && t == JSON_BEGIN_OBJECT) {
			if ((rc = channel(x, key, &streamed)) <= 0)
				break;
		} else if (streamed) {
			if ((t = json_skip(x->j, t)) <= 0) {
				rc = t;
				break;
			}
		} else {
			json_build_key(&x->ob, key, klen);
			if ((t = build_value(x, t)) <= 0) {
				rc = t;
				break;
			}
		}
	}
	free(key);
	if (rc <= 0 || streamed || x->stop)
		return rc;
	/* A message, or a container of none: read it as a whole. */
	tmp = x->d;
	x->d = x->outer;
	x->outer = tmp;
	jsonl_object(x, line);
	tmp = x->d;
	x->d = x->outer;
	x->outer = tmp;
	return 1;
}

/* Report a JSON error at the current line. */
static void
json_warn(struct jx *x, const char *what)
{
	if (json_error_column(x->j) > 0)
		xwarnx("%s:%llu: %s: %s (byte %zu)", fmt_src_name(x->src), x->src->lineno, what,
		    json_error(x->j), json_error_column(x->j));
	else
		xwarnx("%s:%llu: %s: %s", fmt_src_name(x->src), x->src->lineno, what,
		    json_error(x->j));
}

/* An error in a stream that cannot be resynchronised: say so, stop. */
static int
stream_error(struct jx *x, int t)
{
	unsigned long long line;
	const char *p;
	size_t len;
	int truncated, rc = 1, eol;

	if (t != JSON_ERROR || json_source_failed(x->j))
		return -1;
	/* An error on the last line, with nothing after it, is a cut file. */
	truncated = strcmp(json_error(x->j), "unexpected end of input") == 0;
	line = x->src->lineno;
	if (!truncated) {
		/* the rest of the error's line, then one more */
		while (x->src->mid && (rc = fmt_src_piece(x->src, &p, &len, &eol)) > 0)
			;
		if (rc > 0 && fmt_src_piece(x->src, &p, &len, &eol) == 0)
			truncated = 1;
	}
	x->src->lineno = line;
	json_warn(x, truncated ? "truncated input" : "malformed JSON");
	return -1;
}

enum kind { K_JSONL, K_TDESKTOP, K_DISCORD };

/* The elements of an array of messages, streamed. */
static int
messages(struct jx *x, enum kind kind)
{
	unsigned long long line;
	int t, depth = json_depth(x->j);

	while (!x->stop) {
		if ((t = json_next(x->j)) == JSON_END_ARRAY)
			return 0;
		if (t == JSON_ERROR && json_skippable(x->j)) {
			/* a message too deep to begin */
			if (skip_message(x, depth, x->src->lineno) < 0)
				return stream_error(x, JSON_ERROR);
			continue;
		}
		if (t <= 0)
			return stream_error(x, t);
		if (t != JSON_BEGIN_OBJECT) {
			if (json_skip(x->j, t) <= 0)
				return stream_error(x, JSON_ERROR);
			continue;
		}
		line = x->src->lineno;
		if (kind == K_JSONL) {
			if ((t = object(x, line)) == JSON_ERROR && json_skippable(x->j)) {
				if (skip_message(x, depth, line) < 0)
					return stream_error(x, JSON_ERROR);
				continue;
			}
			if (t <= 0)
				return stream_error(x, t);
			continue;
		}
		if ((t = read_message(x, t, line)) == 0)
			continue;
		if (t < 0)
			return stream_error(x, t);
		if (kind == K_TDESKTOP)
			tdesktop_message(x, line);
		else
			discord_message(x, line);
	}
	return 0;
}

static void
set_str(char **dst, const char *s, size_t n)
{
	free(*dst);
	*dst = xmemdup(s, n);
}

/* The channel column of an export: Telegram's chat name, else its id. */
static void
tdesktop_channel(struct jx *x)
{
	free(x->chan);
	x->chan = xstrdup(x->chat_name && *x->chat_name ? x->chat_name :
	    x->chat_id ? x->chat_id : "");
}

static void
discord_channel(struct jx *x)
{
	struct text g = { "", 0 }, c = { "", 0 };
	size_t len = 0, cap = 0;

	if (x->guild.n)
		scalar(&x->guild, json_get(&x->guild, 0, "name"), &g);
	if (x->channel.n)
		scalar(&x->channel, json_get(&x->channel, 0, "name"), &c);
	free(x->chan);
	x->chan = NULL;
	append(&x->chan, &len, &cap, g.p, g.len);
	if (g.len && c.len)
		appends(&x->chan, &len, &cap, " / ");
	append(&x->chan, &len, &cap, c.p, c.len);
}

/*
 * The members of an export's object, streamed: a chat (name, id, type,
 * messages), or the whole-account root whose chats and left_chats sections
 * hold lists of chats; DiscordChatExporter's root (guild, channel,
 * messages). Everything else is skipped unread.
 */
static int
walk(struct jx *x, enum kind kind, int level)
{
	char *key = NULL;
	size_t len;
	const char *s;
	int t, rc = 0;

	while (!x->stop) {
		if ((t = json_next(x->j)) == JSON_END_OBJECT)
			break;
		if (t != JSON_KEY) {
			rc = stream_error(x, t);
			break;
		}
		s = json_text(x->j, &len);
		set_str(&key, s, len);
		if ((t = json_next(x->j)) <= 0) {
			rc = stream_error(x, t);
			break;
		}
		if (strcmp(key, "messages") == 0 && t == JSON_BEGIN_ARRAY) {
			if (kind == K_TDESKTOP)
				tdesktop_channel(x);
			else
				discord_channel(x);
			if ((rc = messages(x, kind)) < 0)
				break;
		} else if (kind == K_TDESKTOP && level == 0 && t == JSON_BEGIN_OBJECT &&
		    (strcmp(key, "chats") == 0 || strcmp(key, "left_chats") == 0)) {
			if ((rc = walk(x, kind, 1)) < 0)
				break;
		} else if (kind == K_TDESKTOP && level == 1 && t == JSON_BEGIN_ARRAY &&
		    strcmp(key, "list") == 0) {
			while ((t = json_next(x->j)) != JSON_END_ARRAY && !x->stop) {
				if (t <= 0) {
					rc = stream_error(x, t);
					break;
				}
				if (t != JSON_BEGIN_OBJECT) {
					if (json_skip(x->j, t) <= 0) {
						rc = stream_error(x, JSON_ERROR);
						break;
					}
					continue;
				}
				free(x->chat_name);
				free(x->chat_id);
				free(x->chat_type);
				x->chat_name = x->chat_id = x->chat_type = NULL;
				if ((rc = walk(x, kind, 2)) < 0)
					break;
			}
			if (rc < 0)
				break;
		} else if (kind == K_TDESKTOP && level != 1 && (t == JSON_STRING ||
		    t == JSON_NUMBER) && (strcmp(key, "name") == 0 || strcmp(key, "id") == 0 ||
		    strcmp(key, "type") == 0)) {
			s = json_text(x->j, &len);
			set_str(key[0] == 'n' ? &x->chat_name : key[0] == 'i' ? &x->chat_id :
			    &x->chat_type, s, len);
		} else if (kind == K_DISCORD && level == 0 && t == JSON_BEGIN_OBJECT &&
		    (strcmp(key, "guild") == 0 || strcmp(key, "channel") == 0)) {
			if ((t = json_doc_read(x->j, key[0] == 'g' ? &x->guild : &x->channel, t)) <= 0) {
				rc = stream_error(x, t);
				break;
			}
		} else if (json_skip(x->j, t) <= 0) {
			rc = stream_error(x, JSON_ERROR);
			break;
		}
	}
	free(key);
	return rc;
}

/*
 * JSON Lines: a bad line is reported, skipped and counted. line_mode as
 * json_line_mode's, which may turn it on at the first line's end.
 */
static int
jsonl(struct jx *x, int line_mode)
{
	unsigned long long line;
	int t;

	json_line_mode(x->j, line_mode);
	while (!x->stop) {
		t = json_next(x->j);
		line_mode = json_line_mode_on(x->j);
		if (t == JSON_END)
			return 0;
		line = x->src->lineno;
		if (t == JSON_BEGIN_ARRAY && !line_mode) {
			if (messages(x, K_JSONL) < 0)
				return -1;
			continue;
		}
		if (t == JSON_BEGIN_OBJECT && (t = object(x, line)) > 0)
			continue;
		if (!line_mode)
			return t < 0 || t == JSON_END ? stream_error(x, t < 0 ? t : JSON_ERROR) :
			    (xwarnx("%s:%llu: not a JSON object", fmt_src_name(x->src), line), -1);
		if (json_source_failed(x->j))
			return -1;
		if (x->cut) {	/* a line too long, reported */
			x->cut = 0;
			if (t > 0)
				json_skip(x->j, t);
			json_recover(x->j);
			continue;
		}
		if (t > 0) {
			xwarnx("%s:%llu: not a JSON object", fmt_src_name(x->src), line);
			json_skip(x->j, t);
		} else
			json_warn(x, "malformed JSON");
		x->st->skipped++;
		json_recover(x->j);
	}
	return 0;
}

static int
check_path(const char *opt, const char *path)
{
	const char *p, *comma;
	char *one;
	int bad = 0;

	for (p = path; p && *p && !bad; p = comma ? comma + 1 : p + strlen(p)) {
		comma = strchr(p, ',');
		one = xmemdup(p, comma ? (size_t)(comma - p) : strlen(p));
		bad = json_path_check(one) < 0;
		free(one);
	}
	if (bad)
		xwarnx("bad %s path \"%s\" (want names joined by \".\", \"[]\" for arrays)", opt,
		    path);
	return bad ? -1 : 0;
}

int
formats_json_line(const char *line, size_t len)
{
	const char *p = line;

	while (p < line + len && (*p == ' ' || *p == '\t'))
		p++;
	if (p == line + len || *p != '{')
		return 0;
	return json_whole_object(line, len);
}

/* A first line too long to hold: JSON Lines if it turns out one whole object. */
static int
json_first_object(const char *p, size_t len)
{
	const char *end = p + len;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p < end && *p == '{' ? JSON_LINES_FIRST : 0;
}

/*
 * Sifted: the next line kept, whole. The lines passed over since the last
 * one, but those too long (the input reports them), were messages.
 */
static int
sifted_piece(struct jx *x, const char **piece, size_t *len, int *eol)
{
	struct fmt_src *s = x->src;
	int rc = fmt_src_piece(s, piece, len, eol);
	unsigned long long now = input_lineno(s->in), longs = input_skipped(s->in);

	x->st->messages += (rc > 0 ? now - 1 : now) - x->seen - (longs - x->long_seen);
	x->seen = now;
	x->long_seen = longs;
	if (rc > 0)
		s->lineno = now;
	return rc;
}

/*
 * JSON Lines in line mode: a line longer than --max-record is read on
 * unheld, reported and counted as input_line's are (so it is the same
 * whether the input is sifted, which reads whole lines, or not), and the
 * reader is given an empty end of line in its place; if it had pieces of
 * the line already, the error that makes is not its own (x->cut).
 */
static int
bounded_piece(struct jx *x, const char **piece, size_t *len, int *eol)
{
	struct fmt_src *s = x->src;
	size_t before = s->mid ? x->line_len : 0;
	unsigned long long line;
	int rc = fmt_src_piece(s, piece, len, eol);

	x->line_len = before + (rc > 0 ? *len : 0);
	if (rc <= 0 || !json_line_mode_on(x->j) || x->line_len <= input_max_record())
		return rc;
	line = s->lineno;
	while (!*eol && (rc = fmt_src_piece(s, piece, len, eol)) > 0)
		;
	if (rc < 0)
		return rc;
	input_too_long(s->in, line);
	x->cut = before > 0;
	x->line_len = 0;
	*piece = "";
	*len = 0;
	*eol = 1;
	return 1;
}

/*
 * JSON Lines: every piece the reader reads. Once in line mode, with the
 * sign pass, lines fmt_jsonl_quiet passes over are counted, each as its
 * message (one with a time that does not read is not passed over: the
 * reader counts it). On plain input that is done on the input's own
 * thread (input_filter), as for plain text; on compressed input, read in
 * pieces so far, here, by the same rule.
 */
static int
jsonl_piece(void *p, const char **piece, size_t *len, int *eol)
{
	struct jx *x = p;
	struct fmt_src *s = x->src;
	int rc, start;

	if (x->sifted)
		return sifted_piece(x, piece, len, eol);
	for (;;) {
		start = x->quiet_on && !s->mid && s->next >= s->nheld && json_line_mode_on(x->j);
		if (start && !input_gzip(s->in)) {
			s->sifting = xcalloc(1, sizeof(*s->sifting));
			s->sifting->o = x->o;
			input_filter(s->in, fmt_jsonl_quiet, s->sifting);
			x->sifted = 1;
			x->seen = input_lineno(s->in);
			x->long_seen = input_skipped(s->in);
			return sifted_piece(x, piece, len, eol);
		}
		rc = bounded_piece(x, piece, len, eol);
		/* the same rule as the sift's: a line with a bad time is read */
		if (rc <= 0 || !start || !*eol || *len == 0 ||
		    fmt_jsonl_quiet(&x->quiet, *piece, *len) < *len)
			return rc;
		x->st->messages++;
	}
}

int
fmt_read_json(struct fmt_src *src, enum format format, const struct format_opts *o,
    message_fn *fn, void *ctx, struct format_stats *st)
{
	struct jx x = { .o = o, .fn = fn, .ctx = ctx, .st = st, .src = src };
	int rc, t;

	if (check_path("--json-text", o->json_text) < 0 ||
	    check_path("--json-time", o->json_time) < 0 ||
	    check_path("--json-channel", o->json_channel) < 0 ||
	    check_path("--json-links", o->json_links) < 0)
		return -1;
	x.m.source = input_label(src->in);
	x.keep = xcalloc(o->nkeep ? o->nkeep : 1, sizeof(*x.keep));
	/* A Slack export's CHANNEL/YYYY-MM-DD.json: its messages name no channel. */
	x.chan = format == FORMAT_JSONL ? fmt_day_folder(src) : NULL;
	/* The sign pass: not with paths of the user's, which may read anything. */
	x.quiet.o = o;
	x.quiet_on = format == FORMAT_JSONL && o->want != NULL && !o->json_text &&
	    !o->json_time && !o->json_channel && !o->json_links;
	if (format == FORMAT_JSONL)
		x.j = json_new_pieces(jsonl_piece, &x);
	else
		x.j = json_new_pieces(fmt_src_piece, src);
	if (format == FORMAT_JSONL)
		rc = jsonl(&x, src->held_eol[0] ? formats_json_line(src->held[0],
		    src->held_len[0]) : json_first_object(src->held[0], src->held_len[0]));
	else {
		t = json_next(x.j);
		if (t == JSON_BEGIN_OBJECT)
			rc = walk(&x, format == FORMAT_TGEXPORT ? K_TDESKTOP : K_DISCORD, 0);
		else if (t == JSON_END)
			rc = 0;
		else {
			if (t > 0)
				xwarnx("%s:%llu: not a %s export (no top-level object)",
				    fmt_src_name(src), src->lineno,
				    format == FORMAT_TGEXPORT ? "Telegram Desktop" : "DiscordChatExporter");
			else
				stream_error(&x, t);
			rc = -1;
		}
	}
	if (json_source_failed(x.j))
		rc = -1;
	json_free(x.j);
	json_doc_free(&x.d);
	json_doc_free(&x.outer);
	free(x.uname);
	json_doc_free(&x.guild);
	json_doc_free(&x.channel);
	fmt_links_free(&x.links);
	fmt_pieces_free(&x.pieces);
	free(x.text);
	free(x.fwd);
	free(x.url);
	free(x.keep);
	free(x.chat_name);
	free(x.chat_id);
	free(x.chat_type);
	free(x.chan);
	buf_free(&x.quiet.scratch);
	return rc;
}
