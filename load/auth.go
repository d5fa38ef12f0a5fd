package load

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"net/http"
	"strings"
)

// challenge is a parsed WWW-Authenticate challenge: Basic, or Digest
// (RFC 7616) with its parameters.
type challenge struct {
	scheme                          string // "basic" or "digest"
	realm, nonce, opaque, algorithm string
	qopAuth                         bool // the server offers qop=auth
	stale                           bool
}

// parseChallenges picks the challenge to answer among a response's
// WWW-Authenticate headers, preferring Digest to Basic since Digest never
// sends the password.
func parseChallenges(headers []string) (*challenge, bool) {
	var basic *challenge
	for _, h := range headers {
		for _, ch := range splitChallenges(h) {
			switch ch.scheme {
			case "digest":
				a := strings.ToUpper(ch.algorithm)
				if a == "" || a == "MD5" || a == "MD5-SESS" || a == "SHA-256" || a == "SHA-256-SESS" {
					return ch, true
				}
			case "basic":
				basic = ch
			}
		}
	}
	return basic, basic != nil
}

// splitChallenges parses one WWW-Authenticate value, which may hold several
// challenges: scheme followed by comma-separated name=value pairs, values
// plain tokens or quoted strings with backslash escapes.
func splitChallenges(h string) []*challenge {
	var out []*challenge
	var cur *challenge
	s := h
	for {
		s = strings.TrimLeft(s, " \t,")
		if s == "" {
			return out
		}
		// A token: either a scheme (followed by space or end) or a name=.
		i := strings.IndexAny(s, " \t=,")
		if i < 0 {
			i = len(s)
		}
		tok := s[:i]
		s = s[i:]
		rest := strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(rest, "=") {
			cur = &challenge{scheme: strings.ToLower(tok)}
			out = append(out, cur)
			continue
		}
		s = strings.TrimLeft(rest[1:], " \t")
		var val string
		if strings.HasPrefix(s, `"`) {
			var b strings.Builder
			j := 1
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' && j+1 < len(s) {
					j++
				}
				b.WriteByte(s[j])
			}
			val = b.String()
			s = s[min(j+1, len(s)):]
		} else {
			j := strings.IndexAny(s, " \t,")
			if j < 0 {
				j = len(s)
			}
			val, s = s[:j], s[j:]
		}
		if cur == nil {
			continue
		}
		switch strings.ToLower(tok) {
		case "realm":
			cur.realm = val
		case "nonce":
			cur.nonce = val
		case "opaque":
			cur.opaque = val
		case "algorithm":
			cur.algorithm = val
		case "qop":
			for _, q := range strings.Split(val, ",") {
				if strings.TrimSpace(strings.ToLower(q)) == "auth" {
					cur.qopAuth = true
				}
			}
		case "stale":
			cur.stale = strings.EqualFold(val, "true")
		}
	}
}

func (c *Client) setChallenge(ch *challenge) {
	c.mu.Lock()
	c.auth, c.nc = ch, 0
	c.mu.Unlock()
}

// authorize adds an Authorization header answering the last challenge, so
// that after the first 401 every request goes through in one round trip.
func (c *Client) authorize(req *http.Request) {
	c.mu.Lock()
	ch := c.auth
	var nc uint32
	if ch != nil {
		c.nc++
		nc = c.nc
	}
	c.mu.Unlock()
	if ch == nil {
		return
	}
	if ch.scheme == "basic" {
		req.SetBasicAuth(c.User, c.Password)
		return
	}
	req.Header.Set("Authorization", digestAuthorization(ch, c.User, c.Password, req.Method, req.URL.RequestURI(), nc, cnonce()))
}

func cnonce() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// digestAuthorization computes the Authorization header value of RFC 7616
// (and RFC 2617's MD5 without qop).
func digestAuthorization(ch *challenge, user, password, method, uri string, nc uint32, cnonce string) string {
	alg := strings.ToUpper(ch.algorithm)
	var newHash func() hash.Hash = md5.New
	if strings.HasPrefix(alg, "SHA-256") {
		newHash = sha256.New
	}
	h := func(s string) string {
		x := newHash()
		x.Write([]byte(s))
		return hex.EncodeToString(x.Sum(nil))
	}
	ha1 := h(user + ":" + ch.realm + ":" + password)
	if strings.HasSuffix(alg, "-SESS") {
		ha1 = h(ha1 + ":" + ch.nonce + ":" + cnonce)
	}
	ha2 := h(method + ":" + uri)
	ncs := fmt.Sprintf("%08x", nc)
	var resp string
	if ch.qopAuth {
		resp = h(ha1 + ":" + ch.nonce + ":" + ncs + ":" + cnonce + ":auth:" + ha2)
	} else {
		resp = h(ha1 + ":" + ch.nonce + ":" + ha2)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `Digest username=%s, realm=%s, nonce=%s, uri=%s, response=%s`,
		quote(user), quote(ch.realm), quote(ch.nonce), quote(uri), quote(resp))
	if ch.algorithm != "" {
		fmt.Fprintf(&b, ", algorithm=%s", ch.algorithm)
	}
	if ch.opaque != "" {
		fmt.Fprintf(&b, ", opaque=%s", quote(ch.opaque))
	}
	if ch.qopAuth {
		fmt.Fprintf(&b, `, qop=auth, nc=%s, cnonce=%s`, ncs, quote(cnonce))
	}
	return b.String()
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
