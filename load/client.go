package load

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Client sends requests to a store: it answers Basic and Digest challenges,
// optionally gzips request bodies, and retries with exponential backoff on
// connection errors, 5xx and 429. Its zero value is not usable; fill HTTP
// or leave it nil for http.DefaultClient.
type Client struct {
	// HTTP does the requests; nil means http.DefaultClient.
	HTTP *http.Client
	// User and Password answer the store's authentication challenge. They
	// are sent only when the store asks, and never appear in errors.
	User, Password string
	// Retries is how many times a failed request is retried (0: none).
	Retries int
	// Backoff is the wait before the first retry; it doubles each time,
	// with jitter, up to MaxBackoff.
	Backoff, MaxBackoff time.Duration
	// Gzip compresses request bodies (Content-Encoding: gzip). Only some
	// stores accept that; Virtuoso's Graph Store endpoint does not.
	Gzip bool

	mu   sync.Mutex
	auth *challenge // the last challenge answered, reused preemptively
	nc   uint32     // Digest nonce count for auth's nonce
}

// Request is one HTTP request to a store. Graph names the graph(s) it is
// about, for error messages.
type Request struct {
	Method, URL, ContentType, Accept string
	Body                             []byte
	Graph                            string
}

// StatusError is a store's refusal: an HTTP status that retrying does not
// cure (4xx), or a 5xx or 429 that outlasted the retries.
type StatusError struct {
	Graph   string // the graph(s) the request was about, if any
	Method  string
	URL     string // without credentials
	Status  int
	Message string // the store's message, cleaned of markup and shortened
}

func (e *StatusError) Error() string {
	var b strings.Builder
	if e.Graph != "" {
		fmt.Fprintf(&b, "graph %s: ", e.Graph)
	}
	fmt.Fprintf(&b, "%s %s: %d %s", e.Method, e.URL, e.Status, http.StatusText(e.Status))
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	return b.String()
}

// AuthError says the store refused the credentials (or got none and wanted
// some): a 401 or 403 after answering its challenge.
type AuthError struct {
	StatusError
	// NoCredentials is set when the store asked and we had nothing to give.
	NoCredentials bool
}

func (e *AuthError) Error() string {
	hint := "wrong user or password?"
	if e.NoCredentials {
		hint = "the store wants credentials: --user and --password, or WIKIKG_STORE_USER and WIKIKG_STORE_PASSWORD"
	}
	return e.StatusError.Error() + " (" + hint + ")"
}

func (e *AuthError) Unwrap() error { return &e.StatusError }

// RetryError is the last error of a request that failed every attempt.
type RetryError struct {
	Attempts int
	Err      error
}

func (e *RetryError) Error() string {
	return fmt.Sprintf("%v (gave up after %d attempts)", e.Err, e.Attempts)
}

func (e *RetryError) Unwrap() error { return e.Err }

// Do sends r, retrying what is worth retrying, and returns the response body
// of a 2xx answer.
func (c *Client) Do(ctx context.Context, r Request) ([]byte, error) {
	body := r.Body
	if c.Gzip && len(body) > 0 {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(body)
		if err := zw.Close(); err != nil {
			return nil, err
		}
		body = b.Bytes()
	}
	attempts := 0
	for {
		attempts++
		data, retryAfter, err := c.once(ctx, r, body)
		if err == nil {
			return data, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if !retryable(err) {
			return nil, err
		}
		if attempts > c.Retries {
			return nil, &RetryError{Attempts: attempts, Err: err}
		}
		wait := c.backoff(attempts)
		if retryAfter > wait {
			wait = min(retryAfter, c.maxBackoff())
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}

func (c *Client) maxBackoff() time.Duration {
	if c.MaxBackoff > 0 {
		return c.MaxBackoff
	}
	return 30 * time.Second
}

// backoff returns the wait before retry n (1-based): Backoff·2^(n-1), with
// up to 50% jitter so parallel workers do not retry in lockstep.
func (c *Client) backoff(n int) time.Duration {
	d := c.Backoff
	if d <= 0 {
		d = 250 * time.Millisecond
	}
	for i := 1; i < n && d < c.maxBackoff(); i++ {
		d *= 2
	}
	d = min(d, c.maxBackoff())
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// retryable reports whether err may go away by itself: a connection error,
// a 5xx or a 429.
func retryable(err error) bool {
	var ae *AuthError
	if errors.As(err, &ae) {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status >= 500 || se.Status == http.StatusTooManyRequests
	}
	return true // transport errors: refused, reset, EOF, timeouts
}

// once makes one attempt, answering at most one fresh auth challenge.
func (c *Client) once(ctx context.Context, r Request, body []byte) ([]byte, time.Duration, error) {
	fresh := false
	for {
		req, err := http.NewRequestWithContext(ctx, r.Method, r.URL, bytes.NewReader(body))
		if err != nil {
			return nil, 0, err
		}
		if r.ContentType != "" {
			req.Header.Set("Content-Type", r.ContentType)
		}
		if r.Accept != "" {
			req.Header.Set("Accept", r.Accept)
		}
		if c.Gzip && len(body) > 0 {
			req.Header.Set("Content-Encoding", "gzip")
		}
		c.authorize(req)
		hc := c.HTTP
		if hc == nil {
			hc = http.DefaultClient
		}
		resp, err := hc.Do(req)
		if err != nil {
			return nil, 0, scrub(err)
		}
		data, rerr := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
		resp.Body.Close()
		if rerr != nil {
			return nil, 0, scrub(rerr)
		}
		se := StatusError{Graph: r.Graph, Method: r.Method, URL: redact(r.URL), Status: resp.StatusCode, Message: message(data)}
		switch {
		case resp.StatusCode >= 200 && resp.StatusCode < 300:
			return data, 0, nil
		case resp.StatusCode == http.StatusUnauthorized:
			if c.User == "" && c.Password == "" {
				return nil, 0, &AuthError{StatusError: se, NoCredentials: true}
			}
			ch, ok := parseChallenges(resp.Header.Values("WWW-Authenticate"))
			// A stale nonce is not a wrong password: answer the new one.
			if !ok || (fresh && !ch.stale) {
				return nil, 0, &AuthError{StatusError: se}
			}
			c.setChallenge(ch)
			fresh = true
			continue
		case resp.StatusCode == http.StatusForbidden:
			return nil, 0, &AuthError{StatusError: se}
		}
		return nil, retryAfter(resp.Header.Get("Retry-After")), &se
	}
}

func retryAfter(h string) time.Duration {
	if n, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	return 0
}

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// message turns an error body (often HTML) into one short line.
func message(b []byte) string {
	s := tagRE.ReplaceAllString(string(b), " ")
	s = strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}

// redact removes user information from a URL, so credentials written into
// --endpoint never reach an error message.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	u.User = nil
	return u.String()
}

// scrub removes credentials from a transport error's URL.
func scrub(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return &url.Error{Op: ue.Op, URL: redact(ue.URL), Err: ue.Err}
	}
	return err
}
