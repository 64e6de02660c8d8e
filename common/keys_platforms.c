/*
 * keys_platforms: kind and key rules of every platform but Telegram, one
 * handler per host family, and the table mapping hosts to them (research:
 * PLATFORMS.md; table: doc/normalize.md).
 *	printf 'url\nhttps://mobile.twitter.com/Jack/status/20?s=20\n' | bin/normalize
 */
#include <ctype.h>
#include <string.h>

#include "keys_int.h"
#include "util.h"

static struct view
sg(const struct url *u, size_t i)
{
	if (i < u->nseg && i < KEYS_MAXSEG)
		return u->seg[i];
	return (struct view){ "", 0 };
}

/*
 * key = host "/" v (v lowercased when lower). v is decoded, so its "%",
 * "?" and "#" are literal ones: written %XX, or the key, read again, would
 * decode a name's "%32" a second time or cut it at "?" or "#". ("/" stays:
 * some views hold two segments, as vk.me/join/A/B.)
 */
static void
key_hv(struct keys *k, const char *host, struct view v, int lower)
{
	b_adds(&k->key, host);
	b_addc(&k->key, '/');
	for (size_t i = 0; i < v.n; i++) {
		unsigned char c = (unsigned char)v.p[i];

		if (c == '%' || c == '?' || c == '#') {
			b_addc(&k->key, '%');
			b_addc(&k->key, "0123456789ABCDEF"[c >> 4]);
			b_addc(&k->key, "0123456789ABCDEF"[c & 15]);
		} else
			b_addc(&k->key, lower && c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
}

static void
invalid(struct keys *k, struct key_result *r)
{
	set_kind(k, r, KIND_INVALID);
}

static void
other(struct keys *k, struct key_result *r)
{
	set_kind(k, r, KIND_OTHER);
}

/* A post's key is its channel's key plus a tail; chan is built first. */
static void
post_from_chan(struct keys *k, struct key_result *r, const char *mid,
    struct view id)
{
	r->kind = KIND_POST;
	b_add(&k->key, k->chan.p, k->chan.n);
	b_adds(&k->key, mid);
	b_addv(&k->key, id);
}

static int
token(struct view v)
{
	return all_of(v.p, v.n, "_-");
}

static int
in_list(struct view v, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (vcaseeq(v, list[i]))
			return 1;
	return 0;
}

/* ---- WhatsApp ---- */

static void
wa_invite(struct keys *k, struct key_result *r, struct view code)
{
	if (!all_of(code.p, code.n, "_-")) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_INVITE);
	key_hv(k, "chat.whatsapp.com", code, 0);
}

static void
wa_chat(struct keys *k, struct url *u, struct key_result *r)
{
	split_segments(k, u);
	wa_invite(k, r, vcaseeq(sg(u, 0), "invite") ? sg(u, 1) : sg(u, 0));
}

/* A phone number with its "+", spaces and dashes taken out. */
static void
wa_contact(struct keys *k, struct key_result *r, struct view num)
{
	size_t i, digits = 0;

	for (i = 0; i < num.n; i++)
		if (num.p[i] >= '0' && num.p[i] <= '9')
			digits++;
		else if (num.p[i] == '\0' || !strchr("+ -().", num.p[i]))
			break;
	if (i < num.n || digits < 5) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_CONTACT);
	b_adds(&k->key, "wa.me/");
	for (i = 0; i < num.n; i++)
		if (num.p[i] >= '0' && num.p[i] <= '9')
			b_addc(&k->key, num.p[i]);
}

static void
wa_me(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0;

	split_segments(k, u);
	s0 = sg(u, 0);
	if (u->nseg == 0)
		other(k, r);		/* wa.me/?text=: a share sheet */
	else if (vcaseeq(s0, "message") && token(sg(u, 1))) {
		set_kind(k, r, KIND_CONTACT);
		key_hv(k, "wa.me/message", sg(u, 1), 0);
	} else
		wa_contact(k, r, s0);
}

static void
wa_web(struct keys *k, struct url *u, struct key_result *r)
{
	struct view v;

	split_segments(k, u);
	if (vcaseeq(sg(u, 0), "channel")) {
		if (!token(sg(u, 1))) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "whatsapp.com/channel", sg(u, 1), 0);
		if (all_digits(sg(u, 2).p, sg(u, 2).n)) {
			b_add(&k->chan, k->key.p, k->key.n);
			k->key.n = 0;
			post_from_chan(k, r, "/", sg(u, 2));
		}
	} else if ((u->nseg == 0 || vcaseeq(sg(u, 0), "send")) &&
	    qget(k, u, "phone", &v, 0))
		wa_contact(k, r, v);
	else if (vcaseeq(sg(u, 0), "invite") || vcaseeq(sg(u, 0), "join"))
		wa_invite(k, r, sg(u, 1));
	else
		other(k, r);
}

/* ---- Discord ---- */

static void
dc_invite(struct keys *k, struct key_result *r, struct view code)
{
	if (!all_of(code.p, code.n, "-")) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_INVITE);
	key_hv(k, "discord.gg", code, 0);
}

static void
dc_gg(struct keys *k, struct url *u, struct key_result *r)
{
	split_segments(k, u);
	dc_invite(k, r, vcaseeq(sg(u, 0), "invite") ? sg(u, 1) : sg(u, 0));
}

static void
dc_com(struct keys *k, struct url *u, struct key_result *r)
{
	struct view g, c, m;

	split_segments(k, u);
	if (vcaseeq(sg(u, 0), "invite")) {
		dc_invite(k, r, sg(u, 1));
		return;
	}
	if (!vcaseeq(sg(u, 0), "channels")) {
		other(k, r);
		return;
	}
	g = sg(u, 1), c = sg(u, 2), m = sg(u, 3);
	if (veq(g, "@me"))
		other(k, r);		/* direct messages */
	else if (!all_digits(g.p, g.n) || !all_digits(c.p, c.n))
		invalid(k, r);
	else {
		set_kind(k, r, KIND_CHANNEL);
		b_adds(&k->key, "discord.com/channels/");
		b_addv(&k->key, g);
		b_addc(&k->key, '/');
		b_addv(&k->key, c);
		if (all_digits(m.p, m.n)) {
			b_add(&k->chan, k->key.p, k->key.n);
			k->key.n = 0;
			post_from_chan(k, r, "/", m);
		}
	}
}

/* ---- Signal ---- */

static void
sig_group(struct keys *k, struct url *u, struct key_result *r)
{
	/* The invite lives in the fragment; a path means something else. */
	if ((u->path.n > 1 || (u->path.n == 1 && u->path.p[0] != '/')) ||
	    u->frag.n == 0 || !all_of(u->frag.p, u->frag.n, "_-")) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_INVITE);
	b_adds(&k->key, "signal.group/#");
	b_addv(&k->key, u->frag);
}

static void
sig_me(struct keys *k, struct url *u, struct key_result *r)
{
	struct view f = u->frag;

	if (f.n > 4 && (vprefix(f, "p/+") || vprefix(f, "p/%2B") ||
	    vprefix(f, "p/%2b"))) {
		size_t skip = f.p[2] == '+' ? 3 : 5;
		struct view d = { f.p + skip, f.n - skip };

		if (all_digits(d.p, d.n)) {
			set_kind(k, r, KIND_CONTACT);
			b_adds(&k->key, "signal.me/#p/+");
			b_addv(&k->key, d);
			return;
		}
	} else if (f.n > 3 && vprefix(f, "eu/") && all_of(f.p + 3, f.n - 3, "_-")) {
		set_kind(k, r, KIND_CONTACT);
		b_adds(&k->key, "signal.me/#");
		b_addv(&k->key, f);
		return;
	}
	invalid(k, r);
}

/* ---- Matrix ---- */

/*
 * A matrix id with its sigil: #alias:server, !room[:server], @user:server,
 * and a $event after it. Case kept: Matrix compares ids as strings.
 */
static void
mx_ids(struct keys *k, struct key_result *r, struct view id, struct view ev)
{
	int sigil = id.n > 1 ? id.p[0] : 0;

	if (!(sigil == '#' || sigil == '!' || sigil == '@') ||
	    (sigil != '!' && memchr(id.p, ':', id.n) == NULL) ||
	    memchr(id.p + 1, '/', id.n - 1) != NULL) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_CHANNEL);
	b_adds(&k->key, "matrix.to/#/");
	b_addv(&k->key, id);
	if (ev.n > 1 && ev.p[0] == '$' && sigil != '@') {
		b_add(&k->chan, k->key.p, k->key.n);
		k->key.n = 0;
		post_from_chan(k, r, "/", ev);
	}
}

/* "/ID[/EVENT][?via=...]" as in matrix.to and Element fragments. */
static void
mx_frag(struct keys *k, struct key_result *r, const char *s, size_t n)
{
	const char *q = memchr(s, '?', n), *sl;
	struct view d, id, ev = { "", 0 };

	if (q)
		n = (size_t)(q - s);
	d = decode(k, s, n, 0);
	while (d.n && d.p[d.n - 1] == '/')
		d.n--;
	if (d.n < 2 || d.p[0] != '/') {
		invalid(k, r);
		return;
	}
	id = (struct view){ d.p + 1, d.n - 1 };
	if ((sl = memchr(id.p, '/', id.n)) != NULL) {
		ev = (struct view){ sl + 1, (size_t)(id.p + id.n - sl - 1) };
		id.n = (size_t)(sl - id.p);
	}
	mx_ids(k, r, id, ev);
}

static void
mx_to(struct keys *k, struct url *u, struct key_result *r)
{
	if (u->frag.p == NULL) {
		invalid(k, r);
		return;
	}
	mx_frag(k, r, u->frag.p, u->frag.n);
}

static void
mx_element(struct keys *k, struct url *u, struct key_result *r)
{
	struct view f = u->frag;

	if (f.n > 6 && (vprefix(f, "/room/") || vprefix(f, "/user/")))
		mx_frag(k, r, f.p + 5, f.n - 5);
	else
		other(k, r);
}

/* matrix:r/alias:server, matrix:roomid/id, matrix:u/user, .../e/event */
static void
mx_scheme(struct keys *k, const char *s, size_t n, struct key_result *r)
{
	struct view seg[4];
	const char *p = s, *end, *sl;
	size_t ns = 0;
	char sig;

	end = s + n;
	for (const char *x = s; x < end; x++)
		if (*x == '?' || *x == '#') {
			end = x;
			break;
		}
	if (end - p >= 2 && p[0] == '/' && p[1] == '/') {	/* authority */
		if ((sl = memchr(p + 2, '/', (size_t)(end - p - 2))) == NULL) {
			invalid(k, r);
			return;
		}
		p = sl + 1;
	}
	while (p < end && ns < 4) {
		if ((sl = memchr(p, '/', (size_t)(end - p))) == NULL)
			sl = end;
		seg[ns++] = decode(k, p, (size_t)(sl - p), 0);
		p = sl + 1;
	}
	if (ns < 2 || seg[1].n == 0) {
		invalid(k, r);
		return;
	}
	if (veq(seg[0], "r"))
		sig = '#';
	else if (veq(seg[0], "roomid"))
		sig = '!';
	else if (veq(seg[0], "u"))
		sig = '@';
	else {
		invalid(k, r);
		return;
	}
	/* Put the sigil back, so mx_ids sees the matrix.to form. */
	{
		struct view id, ev = { "", 0 };
		char *d;

		if ((d = scratch_alloc(k, seg[1].n + 1)) == NULL) {
			invalid(k, r);
			return;
		}
		d[0] = sig;
		memcpy(d + 1, seg[1].p, seg[1].n);
		id = (struct view){ d, seg[1].n + 1 };
		if (ns >= 4 && veq(seg[2], "e") && seg[3].n) {
			if ((d = scratch_alloc(k, seg[3].n + 1)) == NULL) {
				invalid(k, r);
				return;
			}
			d[0] = '$';
			memcpy(d + 1, seg[3].p, seg[3].n);
			ev = (struct view){ d, seg[3].n + 1 };
		}
		mx_ids(k, r, id, ev);
	}
}

/* ---- TamTam ---- */

static void
tamtam(struct keys *k, struct url *u, struct key_result *r)
{
	struct view name;

	split_segments(k, u);
	name = sg(u, 0);
	if (u->nseg == 0 || vcaseeq(name, "share") || vcaseeq(name, "join"))
		other(k, r);
	else if (!all_of(name.p, name.n, "_.-"))
		invalid(k, r);
	else {
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "tt.me", name, 1);
		if (u->nseg >= 2 && token(sg(u, 1))) {
			b_add(&k->chan, k->key.p, k->key.n);
			k->key.n = 0;
			post_from_chan(k, r, "/", sg(u, 1));
		}
	}
}

/* ---- Rocket.Chat ---- */

static void
rc_server_key(struct keys *k, struct view host, const char *what, struct view v)
{
	b_add_lower(&k->key, host.p, host.n);
	b_adds(&k->key, what);
	b_addv(&k->key, v);
}

/* Any Rocket.Chat server: /invite/TOKEN, /channel/NAME, /group/NAME. */
static void
rc_server(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1, msg;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1);
	if (vcaseeq(s0, "invite")) {
		if (!token(s1)) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_INVITE);
		rc_server_key(k, u->host_bare, "/invite/", s1);
	} else if (vcaseeq(s0, "channel") || vcaseeq(s0, "group")) {
		if (s1.n == 0) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_CHANNEL);
		rc_server_key(k, u->host_bare, veq(s0, "group") ? "/group/" :
		    "/channel/", s1);
		if (qget(k, u, "msg", &msg, 0) && msg.n) {
			b_add(&k->chan, k->key.p, k->key.n);
			k->key.n = 0;
			post_from_chan(k, r, "?msg=", msg);
		}
	} else if (vcaseeq(s0, "direct") && s1.n) {
		set_kind(k, r, KIND_CONTACT);
		rc_server_key(k, u->host_bare, "/direct/", s1);
	} else
		other(k, r);
}

/* go.rocket.chat/invite?host=SERVER&path=invite%2FTOKEN */
static void
rc_go(struct keys *k, struct url *u, struct key_result *r)
{
	struct view host, path;
	const char *sl;

	if (!qget(k, u, "host", &host, 0) || !qget(k, u, "path", &path, 0) ||
	    !vprefix(path, "invite/")) {
		split_segments(k, u);
		if (u->nseg == 0 || !vcaseeq(sg(u, 0), "invite"))
			other(k, r);
		else
			invalid(k, r);
		return;
	}
	if (vprefix(host, "https://"))
		host.p += 8, host.n -= 8;
	else if (vprefix(host, "http://"))
		host.p += 7, host.n -= 7;
	if ((sl = memchr(host.p, '/', host.n)) != NULL)
		host.n = (size_t)(sl - host.p);
	path.p += 7, path.n -= 7;
	while (path.n && path.p[path.n - 1] == '/')
		path.n--;
	if (host.n == 0 || !token(path)) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_INVITE);
	rc_server_key(k, host, "/invite/", path);
}

/* ---- Threema, Viber, LINE, Skype, Hoop ---- */

static void
threema_id(struct keys *k, struct key_result *r, struct view id)
{
	if (id.n != 8 || !all_of(id.p, id.n, "*")) {
		invalid(k, r);
		return;
	}
	/* IDs are shown in upper case; the app reads them that way. */
	set_kind(k, r, KIND_CONTACT);
	b_adds(&k->key, "threema.id/");
	for (size_t i = 0; i < id.n; i++) {
		int c = (unsigned char)id.p[i];

		b_addc(&k->key, c >= 'a' && c <= 'z' ? c - 32 : c);
	}
}

static void
threema(struct keys *k, struct url *u, struct key_result *r)
{
	split_segments(k, u);
	if (u->nseg == 0 || vcaseeq(sg(u, 0), "compose"))
		other(k, r);
	else
		threema_id(k, r, sg(u, 0));
}

static void
viber_invite(struct keys *k, struct url *u, struct key_result *r)
{
	struct view g2;

	/* Tokens are base64: "+" is a plus, not a space. */
	if (!qget(k, u, "g2", &g2, 0) || g2.n == 0) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_INVITE);
	b_adds(&k->key, "invite.viber.com/?g2=");
	b_addv(&k->key, g2);
}

static void
line_me(struct keys *k, struct url *u, struct key_result *r)
{
	struct view t, id;
	size_t i = 0;

	split_segments(k, u);
	if (vcaseeq(sg(u, 0), "R"))
		i = 1;
	if (!vcaseeq(sg(u, i), "ti")) {
		other(k, r);
		return;
	}
	t = sg(u, i + 1), id = sg(u, i + 2);
	if (id.n == 0)
		invalid(k, r);
	else if (veq(t, "g")) {
		set_kind(k, r, KIND_INVITE);
		key_hv(k, "line.me/R/ti/g", id, 0);
	} else if (veq(t, "g2")) {
		set_kind(k, r, KIND_INVITE);
		key_hv(k, "line.me/ti/g2", id, 0);
	} else if (veq(t, "p") && id.p[0] == '@' && id.n > 1) {
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "line.me/R/ti/p", id, 1);
	} else if (veq(t, "p") && id.p[0] == '~' && id.n > 1) {
		set_kind(k, r, KIND_CONTACT);
		key_hv(k, "line.me/R/ti/p", id, 0);
	} else
		invalid(k, r);
}

static void
skype(struct keys *k, struct url *u, struct key_result *r)
{
	split_segments(k, u);
	if (vcaseeq(sg(u, 0), "invite")) {
		if (!token(sg(u, 1))) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_CONTACT);
		key_hv(k, "join.skype.com/invite", sg(u, 1), 0);
	} else if (token(sg(u, 0))) {
		set_kind(k, r, KIND_INVITE);
		key_hv(k, "join.skype.com", sg(u, 0), 0);
	} else
		invalid(k, r);
}

static void
just_other(struct keys *k, struct url *u, struct key_result *r)
{
	(void)u;
	other(k, r);
}

/* ---- Twitter / X ---- */

static const char *const tw_reserved[] = {
	"home", "explore", "search", "hashtag", "i", "intent", "share", "settings",
	"notifications", "messages", "compose", "login", "logout", "signup", "tos",
	"privacy", "account", "about", "download", "jobs", "lists", "topics",
	"communities", "following", "followers", "who_to_follow", "flow", "oauth",
	"rules", NULL
};

static void
twitter(struct keys *k, struct url *u, struct key_result *r)
{
	struct view h, s1, id;

	split_segments(k, u);
	h = sg(u, 0), s1 = sg(u, 1);
	if (veq(h, "i")) {
		/* x.com/i/status/ID and x.com/i/web/status/ID */
		id = vcaseeq(s1, "web") ? sg(u, 3) : sg(u, 2);
		if ((vcaseeq(s1, "status") || (vcaseeq(s1, "web") &&
		    vcaseeq(sg(u, 2), "status"))) && all_digits(id.p, id.n)) {
			set_kind(k, r, KIND_POST);
			key_hv(k, "x.com/i/status", id, 0);
		} else
			other(k, r);
		return;
	}
	if (u->nseg == 0 || in_list(h, tw_reserved)) {
		other(k, r);
		return;
	}
	if (h.n > 15 || !all_of(h.p, h.n, "_")) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_CHANNEL);
	key_hv(k, "x.com", h, 1);
	if (vcaseeq(s1, "status") || vcaseeq(s1, "statuses")) {
		id = sg(u, 2);
		if (!all_digits(id.p, id.n)) {
			invalid(k, r);
			return;
		}
		b_add(&k->chan, k->key.p, k->key.n);
		k->key.n = 0;
		post_from_chan(k, r, "/status/", id);
	}
}

/* ---- Facebook ---- */

static const char *const fb_reserved[] = {
	"login.php", "login", "watch", "help", "events", "photo.php", "photo",
	"photos", "story.php", "permalink.php", "pages", "hashtag", "marketplace",
	"gaming", "search", "home.php", "settings", "privacy", "policies", "ads",
	"business", "sharer.php", "sharer", "dialog", "plugins", "l.php",
	"video.php", "reel", "stories", "media", "notes", "friends", "messages",
	"bookmarks", "fundraisers", "legal", "recover", "checkpoint", "r.php",
	"reg", "signup", "about", "careers", "terms", "tr", "index.php", NULL
};

/* Dots and case are not part of a Facebook username. */
static void
fb_name(struct buf *b, struct view v)
{
	for (size_t i = 0; i < v.n; i++)
		if (v.p[i] != '.')
			b_addc(b, ascii_lower((unsigned char)v.p[i]));
}

static size_t
fb_name_len(struct view v)
{
	size_t n = 0;

	for (size_t i = 0; i < v.n; i++)
		n += v.p[i] != '.';
	return n;
}

static void
facebook(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1, s2, v;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1), s2 = sg(u, 2);
	if (vcaseeq(s0, "profile.php")) {
		if (!qget(k, u, "id", &v, 0) || !all_digits(v.p, v.n)) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_CHANNEL);
		b_adds(&k->key, "facebook.com/profile.php?id=");
		b_addv(&k->key, v);
		return;
	}
	if (vcaseeq(s0, "groups")) {
		if (s1.n == 0) {
			other(k, r);
			return;
		}
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "facebook.com/groups", s1, 1);
		if ((vcaseeq(s2, "posts") || vcaseeq(s2, "permalink")) &&
		    token(sg(u, 3))) {
			b_add(&k->chan, k->key.p, k->key.n);
			k->key.n = 0;
			post_from_chan(k, r, "/posts/", sg(u, 3));
		}
		return;
	}
	if (vcaseeq(s0, "share") && s1.n) {
		set_kind(k, r, KIND_SHORTENER);
		b_adds(&k->key, "facebook.com");
		for (size_t i = 0; i < u->nseg && i < KEYS_MAXSEG; i++) {
			b_addc(&k->key, '/');
			b_addv(&k->key, u->seg[i]);
		}
		return;
	}
	if (vcaseeq(s0, "people") && all_digits(s2.p, s2.n)) {
		set_kind(k, r, KIND_CHANNEL);
		b_adds(&k->key, "facebook.com/profile.php?id=");
		b_addv(&k->key, s2);
		return;
	}
	if (u->nseg == 0 || in_list(s0, fb_reserved)) {
		other(k, r);
		return;
	}
	/* five characters at least, the dots not counted: the key drops them */
	if (!all_of(s0.p, s0.n, ".-") || fb_name_len(s0) < 5) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_CHANNEL);
	b_adds(&k->key, "facebook.com/");
	fb_name(&k->key, s0);
	if ((vcaseeq(s1, "posts") || vcaseeq(s1, "videos")) && token(s2)) {
		b_add(&k->chan, k->key.p, k->key.n);
		k->key.n = 0;
		post_from_chan(k, r, vcaseeq(s1, "posts") ? "/posts/" : "/videos/",
		    s2);
	}
}

/* ---- Instagram ---- */

static const char *const ig_reserved[] = {
	"explore", "accounts", "direct", "about", "legal", "developer", "web",
	"emails", "challenge", "privacy", "session", "oauth", NULL
};

static int
ig_media(struct view v)
{
	return vcaseeq(v, "p") || vcaseeq(v, "reel") || vcaseeq(v, "reels") ||
	    vcaseeq(v, "tv");
}

static void
instagram(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1, s2;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1), s2 = sg(u, 2);
	if (ig_media(s0)) {
		if (!token(s1)) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_POST);
		key_hv(k, "instagram.com/p", s1, 0);
		return;
	}
	if (vcaseeq(s0, "stories")) {
		if (!all_of(s1.p, s1.n, "._") || vcaseeq(s1, "highlights")) {
			other(k, r);
			return;
		}
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "instagram.com", s1, 1);
		if (all_digits(s2.p, s2.n)) {
			b_add(&k->chan, k->key.p, k->key.n);
			k->key.n = 0;
			b_adds(&k->key, "instagram.com/stories/");
			b_add_lower(&k->key, s1.p, s1.n);
			b_addc(&k->key, '/');
			b_addv(&k->key, s2);
			r->kind = KIND_POST;
		}
		return;
	}
	if (u->nseg == 0 || in_list(s0, ig_reserved)) {
		other(k, r);
		return;
	}
	if (s0.n > 30 || !all_of(s0.p, s0.n, "._")) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_CHANNEL);
	key_hv(k, "instagram.com", s0, 1);
	if (ig_media(s1) && token(s2)) {
		b_add(&k->chan, k->key.p, k->key.n);
		k->key.n = 0;
		r->kind = KIND_POST;
		key_hv(k, "instagram.com/p", s2, 0);
	}
}

/* ---- YouTube ---- */

static const char *const yt_reserved[] = {
	"about", "account", "feed", "gaming", "playlist", "results", "premium",
	"t", "howyoutubeworks", "ads", "creators", "kids", "music", "signin",
	"logout", "upload", "redirect", "attribution_link", "hashtag", "source",
	"oembed", "tv", "new", "trending", "s", "yt", "supported_browsers",
	"store", "jobs", "iframe_api", "subscription_center", "index",
	"favicon.ico", "storefront", "sw.js", "manifest.json", "watch_videos",
	"select_site", "channel_switcher", "paid_memberships", "reporthistory",
	"shorts", "embed", "live", "v", "e", "watch", "channel", "c", "user",
	"post", NULL
};

static void
yt_video(struct keys *k, struct key_result *r, struct view id)
{
	if (id.n != 11 || !token(id)) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_POST);
	b_adds(&k->key, "youtube.com/watch?v=");
	b_addv(&k->key, id);
}

/* Letters, digits, "_", "-", "." and any non-ASCII letter. */
static int
yt_handle(struct view h)
{
	for (size_t i = 1; i < h.n; i++) {
		unsigned char c = (unsigned char)h.p[i];

		if (c < 0x80 && !all_of(h.p + i, 1, "_.-"))
			return 0;
	}
	return 1;
}

static void
youtu_be(struct keys *k, struct url *u, struct key_result *r)
{
	split_segments(k, u);
	yt_video(k, r, sg(u, 0));
}

static void
youtube(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1, v;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1);
	if (vcaseeq(s0, "watch")) {
		if (qget(k, u, "v", &v, 0))
			yt_video(k, r, v);
		else
			invalid(k, r);
	} else if (vcaseeq(s0, "shorts") || vcaseeq(s0, "live") ||
	    vcaseeq(s0, "embed") || vcaseeq(s0, "v") || vcaseeq(s0, "e"))
		yt_video(k, r, s1);
	else if (s0.n > 1 && s0.p[0] == '@') {
		/* Handles: 3-30 characters, case-insensitive. */
		if (s0.n < 4 || s0.n > 31 || !yt_handle(s0)) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "youtube.com", s0, 1);
	} else if (vcaseeq(s0, "channel")) {
		if (!token(s1)) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "youtube.com/channel", s1, 0);
	} else if (vcaseeq(s0, "c") || vcaseeq(s0, "user")) {
		if (s1.n == 0) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, vcaseeq(s0, "c") ? "youtube.com/c" : "youtube.com/user",
		    s1, 1);
	} else if (vcaseeq(s0, "post") && token(s1)) {
		set_kind(k, r, KIND_POST);
		key_hv(k, "youtube.com/post", s1, 0);
	} else if (u->nseg == 1 && !in_list(s0, yt_reserved) &&
	    all_of(s0.p, s0.n, "_-")) {
		/* youtube.com/NAME is the custom URL also written /c/NAME. */
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "youtube.com/c", s0, 1);
	} else
		other(k, r);
}

/* ---- LinkedIn ---- */

static void
linkedin(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1);
	if (vcaseeq(s0, "in") || vcaseeq(s0, "company") || vcaseeq(s0, "school")
	    || vcaseeq(s0, "showcase")) {
		if (s1.n == 0) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_CHANNEL);
		b_adds(&k->key, "linkedin.com/");
		b_add_lower(&k->key, s0.p, s0.n);
		b_addc(&k->key, '/');
		b_add_lower(&k->key, s1.p, s1.n);
	} else if (vcaseeq(s0, "groups") && s1.n) {
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "linkedin.com/groups", s1, 0);
	} else if (vcaseeq(s0, "feed") && vcaseeq(s1, "update") && sg(u, 2).n) {
		set_kind(k, r, KIND_POST);
		key_hv(k, "linkedin.com/feed/update", sg(u, 2), 0);
	} else if (vcaseeq(s0, "posts") && s1.n) {
		set_kind(k, r, KIND_POST);
		key_hv(k, "linkedin.com/posts", s1, 0);
	} else
		other(k, r);
}

/* ---- VK ---- */

static const char *const vk_reserved[] = {
	"feed", "im", "search", "login", "settings", "video", "audio", "music",
	"friends", "groups", "apps", "away.php", "share.php", "docs", "about",
	"support", "dev", "terms", "privacy", "blog", "jobs", "ads", "services",
	"market", "clips", "games", "bookmarks", "join", "restore", "reg", NULL
};

/* "wall-1_2", "photo5_6": a prefix, an owner id, "_", an object id. */
static int
vk_object(struct view v, size_t *plen, struct view *owner)
{
	static const char *const pre[] = { "wall", "photo", "video", "clip",
	    "doc", "topic", "album", "audio", "market", "story", NULL };
	const char *us;
	size_t i, n;

	for (i = 0; pre[i]; i++) {
		n = strlen(pre[i]);
		if (v.n > n + 2 && memcmp(v.p, pre[i], n) == 0 &&
		    (us = memchr(v.p + n, '_', v.n - n)) != NULL) {
			struct view o = { v.p + n, (size_t)(us - v.p - n) };
			struct view id = { us + 1, (size_t)(v.p + v.n - us - 1) };
			struct view od = o.n && o.p[0] == '-' ?
			    (struct view){ o.p + 1, o.n - 1 } : o;

			if (all_digits(od.p, od.n) && all_digits(id.p, id.n)) {
				*plen = n;
				*owner = o;
				return 1;
			}
		}
	}
	return 0;
}

static void
vk_post(struct keys *k, struct key_result *r, struct view obj, size_t plen,
    struct view owner)
{
	set_kind(k, r, KIND_POST);
	b_adds(&k->chan, "vk.com/");
	if (owner.p[0] == '-') {
		b_adds(&k->chan, "club");
		b_add(&k->chan, owner.p + 1, owner.n - 1);
	} else {
		b_adds(&k->chan, "id");
		b_addv(&k->chan, owner);
	}
	b_adds(&k->key, "vk.com/");
	b_add_lower(&k->key, obj.p, plen);
	b_add(&k->key, obj.p + plen, obj.n - plen);
}

static void
vk(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, w, owner;
	size_t plen;

	split_segments(k, u);
	s0 = sg(u, 0);
	if (qget(k, u, "w", &w, 0) && vk_object(w, &plen, &owner)) {
		vk_post(k, r, w, plen, owner);
		return;
	}
	if (vk_object(s0, &plen, &owner)) {
		vk_post(k, r, s0, plen, owner);
		return;
	}
	if (u->nseg == 0 || in_list(s0, vk_reserved)) {
		other(k, r);
		return;
	}
	if (!all_of(s0.p, s0.n, "_.")) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_CHANNEL);
	b_adds(&k->key, "vk.com/");
	/* public123 and event123 are the community club123. */
	if (s0.n > 6 && vprefix(s0, "public") && all_digits(s0.p + 6, s0.n - 6)) {
		b_adds(&k->key, "club");
		b_add(&k->key, s0.p + 6, s0.n - 6);
	} else if (s0.n > 5 && vprefix(s0, "event") &&
	    all_digits(s0.p + 5, s0.n - 5)) {
		b_adds(&k->key, "club");
		b_add(&k->key, s0.p + 5, s0.n - 5);
	} else
		b_add_lower(&k->key, s0.p, s0.n);
}

static void
vk_me(struct keys *k, struct url *u, struct key_result *r)
{
	split_segments(k, u);
	if (vcaseeq(sg(u, 0), "join")) {
		/* Hashes are standard base64: "/" and "=" belong to them. */
		const char *p = u->path.p, *end = p + u->path.n;
		struct view h;

		while (p < end && *p == '/')
			p++;
		p += 4;
		while (p < end && *p == '/')
			p++;
		h = decode(k, p, (size_t)(end - p), 0);
		if (h.n == 0) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_INVITE);
		key_hv(k, "vk.me/join", h, 0);
	} else if (u->nseg == 0)
		other(k, r);
	else if (all_of(sg(u, 0).p, sg(u, 0).n, "_.")) {
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "vk.com", sg(u, 0), 1);
	} else
		invalid(k, r);
}

/* ---- Gab, Rumble, BitChute, Odysee ---- */

static const char *const gab_reserved[] = {
	"home", "explore", "search", "settings", "about", "hashtag", "tags",
	"news", "tv", "shop", "auth", "compose", "notifications", "timeline",
	"trends", "marketplace", "chat", "pro", "help", NULL
};

static void
gab(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1, s2;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1), s2 = sg(u, 2);
	if (vcaseeq(s0, "groups") || vcaseeq(s0, "g")) {
		if (s1.n == 0) {
			other(k, r);
			return;
		}
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "gab.com/groups", s1, 1);
		return;
	}
	if (u->nseg == 0 || in_list(s0, gab_reserved)) {
		other(k, r);
		return;
	}
	if (!all_of(s0.p, s0.n, "_")) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_CHANNEL);
	key_hv(k, "gab.com", s0, 1);
	if (vcaseeq(s1, "posts") && all_digits(s2.p, s2.n)) {
		b_add(&k->chan, k->key.p, k->key.n);
		k->key.n = 0;
		post_from_chan(k, r, "/posts/", s2);
	}
}

/*
 * A Rumble video segment: "v" and a code of letters and digits holding a
 * digit (so /videos, a listing page, is not one), then the end, "-title" or
 * ".html". *end gets the code's length with its "v".
 */
static int
rumble_code(struct view s, size_t *end)
{
	size_t i;
	int digit = 0;

	for (i = 1; i < s.n && s.p[i] != '-' && s.p[i] != '.'; i++) {
		if (!isalnum((unsigned char)s.p[i]))
			return 0;
		digit |= isdigit((unsigned char)s.p[i]) != 0;
	}
	*end = i;
	return digit && i >= 4 && (i == s.n || s.p[i] == '-' ||
	    (s.n - i == 5 && memcmp(s.p + i, ".html", 5) == 0));
}

static void
rumble(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1;
	size_t i;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1);
	if ((vcaseeq(s0, "c") || vcaseeq(s0, "user")) && s1.n) {
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, vcaseeq(s0, "c") ? "rumble.com/c" : "rumble.com/user", s1, 1);
	} else if (vcaseeq(s0, "embed") && token(s1)) {
		set_kind(k, r, KIND_POST);
		key_hv(k, "rumble.com/embed", s1, 0);
	} else if (s0.n > 1 && s0.p[0] == 'v' && rumble_code(s0, &i)) {
		/*
		 * v1abc2d-some-title.html, or v1abc2d alone (the form the key
		 * itself has): the code ends at "-" or ".".
		 */
		set_kind(k, r, KIND_POST);
		b_adds(&k->key, "rumble.com/");
		b_add(&k->key, s0.p, i);
	} else
		other(k, r);
}

static void
bitchute(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1);
	if ((vcaseeq(s0, "channel") || vcaseeq(s0, "profile")) && token(s1)) {
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, vcaseeq(s0, "channel") ? "bitchute.com/channel" :
		    "bitchute.com/profile", s1, 0);
	} else if ((vcaseeq(s0, "video") || vcaseeq(s0, "embed")) && token(s1)) {
		set_kind(k, r, KIND_POST);
		key_hv(k, "bitchute.com/video", s1, 0);
	} else
		other(k, r);
}

/*
 * "Name:claim" or "Name#claim": the claim prefix goes (see doc). LBRY
 * names never hold "/" or "%": one decoded from %2F or %25 ends the name,
 * or the key, read again, would be cut or decoded a second time.
 */
static struct view
odysee_name(struct view v)
{
	for (size_t i = 0; i < v.n; i++)
		if (v.p[i] == ':' || v.p[i] == '#' || v.p[i] == '/' || v.p[i] == '%') {
			v.n = i;
			break;
		}
	return v;
}

static void
odysee_key(struct keys *k, struct key_result *r, struct view s0, struct view s1)
{
	s0 = odysee_name(s0);
	s1 = odysee_name(s1);
	if (s0.n > 1 && s0.p[0] == '@') {
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "odysee.com", s0, 0);
		if (s1.n) {
			b_add(&k->chan, k->key.p, k->key.n);
			k->key.n = 0;
			post_from_chan(k, r, "/", s1);
		}
	} else if (s0.n && s0.p[0] != '$') {
		set_kind(k, r, KIND_POST);
		key_hv(k, "odysee.com", s0, 0);
	} else
		other(k, r);
}

static void
odysee(struct keys *k, struct url *u, struct key_result *r)
{
	split_segments(k, u);
	if (u->nseg == 0)
		other(k, r);
	else
		odysee_key(k, r, sg(u, 0), sg(u, 1));
}

/* ---- archives, pastes, files ---- */

static void
archive_org(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1);
	if ((vcaseeq(s0, "details") || vcaseeq(s0, "download") ||
	    vcaseeq(s0, "embed")) && s1.n) {
		if (!all_of(s1.p, s1.n, "_-.")) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_FILE);
		key_hv(k, "archive.org/details", s1, 0);
	} else if (vcaseeq(s0, "web") && s1.n) {
		/* web.archive.org/web/TIMESTAMP[flags]/ORIGINAL, the original as-is */
		const char *p = u->path.p, *end = p + u->path.n, *sl;
		size_t i;

		while (p < end && *p == '/')
			p++;
		p += 3;
		while (p < end && *p == '/')
			p++;
		sl = memchr(p, '/', (size_t)(end - p));
		if (sl == NULL || sl + 1 >= end + (u->query.p != NULL)) {
			invalid(k, r);
			return;
		}
		for (i = 0; p + i < sl && p[i] >= '0' && p[i] <= '9'; i++)
			;
		if (i == 0 && !(sl - p == 1 && *p == '*')) {
			invalid(k, r);
			return;
		}
		set_kind(k, r, KIND_ARCHIVE);
		b_adds(&k->key, "web.archive.org/web/");
		b_add(&k->key, p, i ? i : 1);
		b_add(&k->key, sl, (size_t)(end - sl));
		if (u->query.p) {
			b_addc(&k->key, '?');
			b_addv(&k->key, u->query);
		}
	} else
		other(k, r);
}

static void
archive_today(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0;

	split_segments(k, u);
	s0 = sg(u, 0);
	if (u->nseg == 1 && s0.n >= 4 && s0.n <= 6 && all_of(s0.p, s0.n, "")) {
		set_kind(k, r, KIND_ARCHIVE);
		key_hv(k, "archive.ph", s0, 0);
	} else if (u->nseg >= 2 && (veq(s0, "newest") || veq(s0, "oldest") ||
	    all_digits(s0.p, s0.n))) {
		const char *p = u->path.p;

		set_kind(k, r, KIND_ARCHIVE);
		while (*p == '/')
			p++;
		b_adds(&k->key, "archive.ph/");
		b_add(&k->key, p, (size_t)(u->path.p + u->path.n - p));
	} else
		other(k, r);
}

static const char *const paste_reserved[] = {
	"edit", "login", "logout", "register", "redirect", "new", "about",
	"terms", "privacy", "faq", "contact", "tools", "languages", "archive",
	"trends", "signup", "search", "settings", "api", "doc_api", "night_mode",
	"pro", "messages", "alerts", "report", "u", "user", "users", "static",
	"premium", "help", NULL
};

static void
paste_code(struct keys *k, struct key_result *r, const char *host,
    struct view code)
{
	if (!all_of(code.p, code.n, "_-")) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_PASTE);
	key_hv(k, host, code, 0);
}

static void
justpaste(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0;

	split_segments(k, u);
	s0 = sg(u, 0);
	if (vcaseeq(s0, "u") && sg(u, 1).n) {
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "justpaste.it/u", sg(u, 1), 1);
	} else if (u->nseg == 0 || in_list(s0, paste_reserved))
		other(k, r);
	else
		paste_code(k, r, "justpaste.it", s0);
}

static void
pastebin(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1);
	if (vcaseeq(s0, "u") && s1.n) {
		set_kind(k, r, KIND_CHANNEL);
		key_hv(k, "pastebin.com/u", s1, 1);
	} else if ((vcaseeq(s0, "raw") || vcaseeq(s0, "dl") ||
	    vcaseeq(s0, "embed") || vcaseeq(s0, "embed_js") ||
	    vcaseeq(s0, "embed_iframe") || vcaseeq(s0, "print") ||
	    vcaseeq(s0, "clone") || vcaseeq(s0, "report")) && s1.n)
		paste_code(k, r, "pastebin.com", s1);
	else if (u->nseg == 0 || in_list(s0, paste_reserved))
		other(k, r);
	else
		paste_code(k, r, "pastebin.com", s0);
}

static void
telegraph(struct keys *k, struct url *u, struct key_result *r)
{
	split_segments(k, u);
	if (u->nseg == 0) {
		other(k, r);
		return;
	}
	set_kind(k, r, KIND_PASTE);
	b_adds(&k->key, "telegra.ph");
	for (size_t i = 0; i < u->nseg && i < KEYS_MAXSEG; i++) {
		b_addc(&k->key, '/');
		b_addv(&k->key, u->seg[i]);
	}
}

static void
mega_key(struct keys *k, struct key_result *r, const char *what, struct view id)
{
	if (!token(id)) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_FILE);
	b_adds(&k->key, "mega.nz/");
	b_adds(&k->key, what);
	b_addc(&k->key, '/');
	b_addv(&k->key, id);
}

static void
mega(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, f = u->frag, id;
	const char *bang;

	split_segments(k, u);
	s0 = sg(u, 0);
	if (vcaseeq(s0, "file") || vcaseeq(s0, "folder") || vcaseeq(s0, "embed")) {
		mega_key(k, r, vcaseeq(s0, "folder") ? "folder" : "file", sg(u, 1));
		return;
	}
	/* Legacy: the id lives in the fragment, #!ID!KEY or #F!ID!KEY. */
	if (u->nseg == 0 && f.n > 2 && (f.p[0] == '!' || (f.p[0] == 'F' &&
	    f.p[1] == '!'))) {
		int folder = f.p[0] == 'F';

		id.p = f.p + (folder ? 2 : 1);
		id.n = f.n - (folder ? 2 : 1);
		if ((bang = memchr(id.p, '!', id.n)) != NULL)
			id.n = (size_t)(bang - id.p);
		mega_key(k, r, folder ? "folder" : "file", id);
		return;
	}
	other(k, r);
}

static void
filesfm(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1);
	if ((veq(s0, "u") || veq(s0, "f")) && token(s1)) {
		set_kind(k, r, KIND_FILE);
		key_hv(k, veq(s0, "u") ? "files.fm/u" : "files.fm/f", s1, 0);
	} else
		other(k, r);
}

static void
dropbox(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, s1, s2;

	split_segments(k, u);
	s0 = sg(u, 0), s1 = sg(u, 1), s2 = sg(u, 2);
	if ((veq(s0, "s") || veq(s0, "sh")) && token(s1)) {
		set_kind(k, r, KIND_FILE);
		key_hv(k, veq(s0, "s") ? "dropbox.com/s" : "dropbox.com/sh", s1, 0);
	} else if (veq(s0, "scl") && (veq(s1, "fi") || veq(s1, "fo")) && token(s2)) {
		set_kind(k, r, KIND_FILE);
		key_hv(k, veq(s1, "fi") ? "dropbox.com/scl/fi" : "dropbox.com/scl/fo",
		    s2, 0);
	} else
		other(k, r);
}

static void
gdrive_file(struct keys *k, struct key_result *r, const char *pre, struct view id)
{
	if (!token(id)) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_FILE);
	key_hv(k, pre, id, 0);
}

/* Skip "u/N/" account selectors: /file/u/0/d/ID, /drive/u/1/folders/ID. */
static size_t
skip_account(const struct url *u, size_t i)
{
	if (veq(sg(u, i), "u") && all_digits(sg(u, i + 1).p, sg(u, i + 1).n))
		return i + 2;
	return i;
}

static void
gdrive(struct keys *k, struct url *u, struct key_result *r)
{
	struct view s0, v;
	size_t i;

	split_segments(k, u);
	s0 = sg(u, 0);
	if (veq(s0, "file")) {
		i = skip_account(u, 1);
		if (veq(sg(u, i), "d"))
			gdrive_file(k, r, "drive.google.com/file/d", sg(u, i + 1));
		else
			invalid(k, r);
	} else if (veq(s0, "drive")) {
		i = skip_account(u, 1);
		if (veq(sg(u, i), "mobile"))
			i++;
		if (veq(sg(u, i), "folders"))
			gdrive_file(k, r, "drive.google.com/drive/folders", sg(u, i + 1));
		else
			other(k, r);
	} else if ((veq(s0, "open") || veq(s0, "uc")) && qget(k, u, "id", &v, 0))
		gdrive_file(k, r, "drive.google.com/file/d", v);
	else
		other(k, r);
}

static void
gdocs(struct keys *k, struct url *u, struct key_result *r)
{
	static const char *const types[] = { "document", "spreadsheets",
	    "presentation", "forms", "drawings", "file", NULL };
	struct view s0;
	size_t i;

	split_segments(k, u);
	s0 = sg(u, 0);
	if (!in_list(s0, types)) {
		other(k, r);
		return;
	}
	i = skip_account(u, 1);
	if (!veq(sg(u, i), "d")) {
		other(k, r);
		return;
	}
	i++;
	if (veq(s0, "forms") && veq(sg(u, i), "e"))
		i++;
	if (!token(sg(u, i))) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_FILE);
	b_adds(&k->key, "docs.google.com/");
	b_addv(&k->key, s0);
	b_adds(&k->key, i > skip_account(u, 1) + 1 ? "/d/e/" : "/d/");
	b_addv(&k->key, sg(u, i));
}

/* ---- shorteners ---- */

/* host/CODE, case kept; the key's host is the one the rule names. */
static void
shortener(struct keys *k, struct url *u, struct key_result *r)
{
	split_segments(k, u);
	if (u->nseg == 0) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_SHORTENER);
	b_addv(&k->key, u->host_bare);
	for (size_t i = 0; i < u->nseg && i < KEYS_MAXSEG; i++) {
		b_addc(&k->key, '/');
		b_addv(&k->key, u->seg[i]);
	}
}

/* ---- the table ---- */

const struct host_rule keys_host_rules[] = {
	{ "t.me", "telegram", tg_web, 1 },
	{ "telegram.me", "telegram", tg_web, 0 },
	{ "telegram.dog", "telegram", tg_web, 0 },

	{ "chat.whatsapp.com", "whatsapp", wa_chat, 0 },
	{ "whatsapp.com", "whatsapp", wa_web, 0 },
	{ "api.whatsapp.com", "whatsapp", wa_web, 0 },
	{ "web.whatsapp.com", "whatsapp", wa_web, 0 },
	{ "wa.me", "whatsapp", wa_me, 0 },

	{ "discord.gg", "discord", dc_gg, 0 },
	{ "discord.com", "discord", dc_com, 1 },
	{ "discordapp.com", "discord", dc_com, 1 },

	{ "signal.group", "signal", sig_group, 0 },
	{ "signal.me", "signal", sig_me, 0 },
	{ "signal.art", "signal", just_other, 0 },
	{ "signal.link", "signal", just_other, 0 },

	{ "matrix.to", "matrix", mx_to, 0 },
	{ "app.element.io", "matrix", mx_element, 0 },

	{ "tt.me", "tamtam", tamtam, 0 },
	{ "tamtam.chat", "tamtam", tamtam, 0 },

	{ "go.rocket.chat", "rocketchat", rc_go, 0 },
	{ "open.rocket.chat", "rocketchat", rc_server, 0 },

	{ "hoopmessenger.com", "hoop", just_other, 0 },
	{ "threema.id", "threema", threema, 0 },
	{ "invite.viber.com", "viber", viber_invite, 0 },
	{ "vb.me", "viber", shortener, 0 },
	{ "line.me", "line", line_me, 0 },
	{ "lin.ee", "line", shortener, 0 },
	{ "join.skype.com", "skype", skype, 0 },

	{ "x.com", "twitter", twitter, 0 },
	{ "twitter.com", "twitter", twitter, 0 },
	{ "mobile.twitter.com", "twitter", twitter, 0 },
	{ "m.twitter.com", "twitter", twitter, 0 },
	{ "mobile.x.com", "twitter", twitter, 0 },
	{ "t.co", "twitter", shortener, 0 },

	{ "facebook.com", "facebook", facebook, 1 },
	{ "fb.com", "facebook", facebook, 0 },
	{ "fb.me", "facebook", shortener, 0 },
	{ "fb.watch", "facebook", shortener, 0 },

	{ "instagram.com", "instagram", instagram, 1 },
	{ "instagr.am", "instagram", instagram, 0 },

	{ "youtube.com", "youtube", youtube, 1 },
	{ "youtube-nocookie.com", "youtube", youtube, 0 },
	{ "youtu.be", "youtube", youtu_be, 0 },

	{ "linkedin.com", "linkedin", linkedin, 1 },
	{ "lnkd.in", "linkedin", shortener, 0 },

	{ "vk.com", "vk", vk, 1 },
	{ "vk.ru", "vk", vk, 1 },
	{ "vkontakte.ru", "vk", vk, 0 },
	{ "vk.me", "vk", vk_me, 0 },
	{ "vk.cc", "vk", shortener, 0 },

	{ "gab.com", "gab", gab, 0 },
	{ "gab.ai", "gab", gab, 0 },
	{ "rumble.com", "rumble", rumble, 0 },
	{ "bitchute.com", "bitchute", bitchute, 0 },
	{ "old.bitchute.com", "bitchute", bitchute, 0 },
	{ "odysee.com", "odysee", odysee, 0 },

	{ "archive.org", "archive_org", archive_org, 0 },
	{ "web.archive.org", "archive_org", archive_org, 0 },
	{ "archive.ph", "archive_today", archive_today, 0 },
	{ "archive.today", "archive_today", archive_today, 0 },
	{ "archive.is", "archive_today", archive_today, 0 },
	{ "archive.li", "archive_today", archive_today, 0 },
	{ "archive.vn", "archive_today", archive_today, 0 },
	{ "archive.md", "archive_today", archive_today, 0 },
	{ "archive.fo", "archive_today", archive_today, 0 },

	{ "justpaste.it", "justpaste", justpaste, 0 },
	{ "pastebin.com", "pastebin", pastebin, 0 },
	{ "telegra.ph", "telegraph", telegraph, 0 },
	{ "te.legra.ph", "telegraph", telegraph, 0 },
	{ "graph.org", "telegraph", telegraph, 0 },

	{ "mega.nz", "mega", mega, 0 },
	{ "mega.co.nz", "mega", mega, 0 },
	{ "mega.io", "mega", mega, 0 },
	{ "files.fm", "filesfm", filesfm, 0 },
	{ "dropbox.com", "dropbox", dropbox, 0 },
	{ "dl.dropboxusercontent.com", "dropbox", dropbox, 0 },
	{ "dl.dropbox.com", "dropbox", dropbox, 0 },
	{ "drive.google.com", "gdrive", gdrive, 0 },
	{ "docs.google.com", "gdrive", gdocs, 0 },
	{ "forms.gle", "gdrive", shortener, 0 },

	{ "bit.ly", "shortener", shortener, 0 },
	{ "bitly.com", "shortener", shortener, 0 },
	{ "tinyurl.com", "shortener", shortener, 0 },
	{ "is.gd", "shortener", shortener, 0 },
	{ "ow.ly", "shortener", shortener, 0 },
	{ "cutt.ly", "shortener", shortener, 0 },
	{ "rb.gy", "shortener", shortener, 0 },
	{ "goo.gl", "shortener", shortener, 0 },
	{ "t.ly", "shortener", shortener, 0 },
	{ "shorturl.at", "shortener", shortener, 0 },
	{ "tiny.cc", "shortener", shortener, 0 },
	{ "buff.ly", "shortener", shortener, 0 },
	{ "rebrand.ly", "shortener", shortener, 0 },
	{ "s.id", "shortener", shortener, 0 },
	{ "clck.ru", "shortener", shortener, 0 },
	{ "u.to", "shortener", shortener, 0 },
};
const size_t keys_nhost_rules = sizeof(keys_host_rules) / sizeof(keys_host_rules[0]);

key_handler *
platform_handler(const char *platform)
{
	/* Self-hosted: a server the rules table names has the usual paths. */
	if (strcmp(platform, "rocketchat") == 0)
		return rc_server;
	return NULL;
}

/* whatsapp://send?phone=, viber://..., threema://add?id=, lbry://, matrix: */
int
scheme_link(struct keys *k, struct view scheme, const char *s, size_t n,
    struct key_result *r)
{
	struct url u;
	const char *p = s + scheme.n + 1, *end = s + n, *q;
	struct view w, v;

	memset(&u, 0, sizeof(u));
	if (vcaseeq(scheme, "matrix")) {
		r->platform = "matrix";
		mx_scheme(k, p, (size_t)(end - p), r);
		return 1;
	}
	while (p < end && *p == '/')
		p++;
	w.p = p;
	while (p < end && *p != '/' && *p != '?' && *p != '#')
		p++;
	w.n = (size_t)(p - w.p);
	if ((q = memchr(p, '?', (size_t)(end - p))) != NULL) {
		const char *h = memchr(q, '#', (size_t)(end - q));

		u.query = (struct view){ q + 1, (size_t)((h ? h : end) - q - 1) };
	}
	if (vcaseeq(scheme, "whatsapp")) {
		r->platform = "whatsapp";
		if (vcaseeq(w, "send") && qget(k, &u, "phone", &v, 0))
			wa_contact(k, r, v);
		else if (vcaseeq(w, "chat") && qget(k, &u, "code", &v, 0))
			wa_invite(k, r, v);
		else
			other(k, r);
	} else if (vcaseeq(scheme, "viber")) {
		r->platform = "viber";
		if (vcaseeq(w, "pa") && qget(k, &u, "chatURI", &v, 0) && v.n) {
			set_kind(k, r, KIND_CHANNEL);
			b_adds(&k->key, "viber://pa?chatURI=");
			b_addv(&k->key, v);
		} else if (vcaseeq(w, "chat") && qget(k, &u, "number", &v, 0) &&
		    v.n > 1 && v.p[0] == '+' && all_digits(v.p + 1, v.n - 1)) {
			set_kind(k, r, KIND_CONTACT);
			b_adds(&k->key, "viber://chat?number=");
			b_addv(&k->key, v);
		} else
			other(k, r);
	} else if (vcaseeq(scheme, "threema")) {
		r->platform = "threema";
		if (vcaseeq(w, "add") && qget(k, &u, "id", &v, 0))
			threema_id(k, r, v);
		else
			other(k, r);
	} else if (vcaseeq(scheme, "lbry")) {
		struct view a, b = { "", 0 };
		const char *sl;

		r->platform = "odysee";
		a = decode(k, w.p, (size_t)(end - w.p), 0);
		for (size_t i = 0; i < a.n; i++)
			if (a.p[i] == '?') {
				a.n = i;
				break;
			}
		if ((sl = memchr(a.p, '/', a.n)) != NULL) {
			b = (struct view){ sl + 1, (size_t)(a.p + a.n - sl - 1) };
			a.n = (size_t)(sl - a.p);
			/* lbry://@X://b/: the web form drops empty segments,
			 * so must we, or the key of the key differs. */
			while (b.n > 0 && b.p[0] == '/') {
				b.p++;
				b.n--;
			}
			while (b.n > 0 && b.p[b.n - 1] == '/')
				b.n--;
		}
		odysee_key(k, r, a, b);
	} else
		return 0;
	return 1;
}
