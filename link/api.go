package link

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/wikikg/wikikg/internal/atomicfile"
)

// DefaultEndpoint is Wikidata's API.
const DefaultEndpoint = "https://www.wikidata.org/w/api.php"

// DefaultUserAgent identifies wikikg to Wikidata, as its User-Agent policy
// asks of every client.
const DefaultUserAgent = "wikikg/1 (https://github.com/wikikg/wikikg; entity linking) Go-http-client"

// Fetcher gets one API response for a set of query parameters.
type Fetcher interface {
	Fetch(ctx context.Context, params url.Values) ([]byte, error)
}

// HTTPFetcher asks the API over HTTP, one request at a time, with maxlag
// so that it backs off when Wikidata's replicas lag, and retries with
// exponential backoff (or the server's Retry-After) on lag, throttling and
// server errors.
type HTTPFetcher struct {
	Endpoint  string
	UserAgent string
	Client    *http.Client
	// MaxLag is the maxlag parameter in seconds (5 when 0).
	MaxLag int
	// Retries is how many times a request is retried (5 when 0); Backoff
	// the first wait (1s when 0), doubled each time.
	Retries int
	Backoff time.Duration

	mu       sync.Mutex
	requests int
}

// Requests returns the number of HTTP requests made so far.
func (f *HTTPFetcher) Requests() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests
}

// retryable is an error worth another try, after wait if it is set.
type retryable struct {
	err  error
	wait time.Duration
	// told is whether the server said how long to wait (Retry-After).
	told bool
}

func (r *retryable) Error() string { return r.err.Error() }
func (r *retryable) Unwrap() error { return r.err }

// StatusError is an HTTP response other than 200 from the API. Once the
// retries are spent, Fetch returns the last one wrapped, so callers can
// tell throttling (429) or a server error (5xx) apart with errors.As.
type StatusError struct {
	URL    string
	Code   int
	Status string
}

func (e *StatusError) Error() string { return redact(e.URL) + ": " + e.Status }

// Fetch implements Fetcher.
func (f *HTTPFetcher) Fetch(ctx context.Context, params url.Values) ([]byte, error) {
	// One request at a time, as Wikimedia's API etiquette asks: the lock
	// is held across retries so that a lagging server sees no other
	// request meanwhile.
	f.mu.Lock()
	defer f.mu.Unlock()
	endpoint := orStr(f.Endpoint, DefaultEndpoint)
	q := url.Values{}
	for k, v := range params {
		q[k] = v
	}
	q.Set("format", "json")
	q.Set("maxlag", strconv.Itoa(orInt(f.MaxLag, 5)))
	u := endpoint + "?" + q.Encode()
	retries := orInt(f.Retries, 5)
	backoff := f.Backoff
	if backoff == 0 {
		backoff = time.Second
	}
	client := f.Client
	if client == nil {
		client = &http.Client{Timeout: 60 * time.Second}
	}
	for attempt := 0; ; attempt++ {
		body, err := f.once(ctx, client, u)
		var r *retryable
		if err == nil || !errors.As(err, &r) {
			return body, err
		}
		if attempt >= retries {
			return nil, fmt.Errorf("wikidata API: giving up after %d attempts: %w", attempt+1, r.err)
		}
		wait := r.wait
		if !r.told {
			wait = backoff << attempt
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}

func (f *HTTPFetcher) once(ctx context.Context, client *http.Client, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", orStr(f.UserAgent, DefaultUserAgent))
	req.Header.Set("Accept", "application/json")
	f.requests++
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &retryable{err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, &retryable{err: err}
	}
	wait, told := retryAfter(resp.Header.Get("Retry-After"))
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return nil, &retryable{err: &StatusError{URL: u, Code: resp.StatusCode, Status: resp.Status}, wait: wait, told: told}
	}
	if resp.StatusCode != http.StatusOK {
		return nil, &StatusError{URL: u, Code: resp.StatusCode, Status: resp.Status}
	}
	var e struct {
		Error *struct {
			Code string `json:"code"`
			Info string `json:"info"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		return nil, fmt.Errorf("%s: response is not JSON: %v", redact(u), err)
	}
	if e.Error != nil {
		err := fmt.Errorf("wikidata API: %s: %s", e.Error.Code, e.Error.Info)
		if e.Error.Code == "maxlag" || e.Error.Code == "ratelimited" {
			if !told {
				// Wikidata sends Retry-After with maxlag; without
				// it, wait as long as maxlag tolerates.
				wait, told = 5*time.Second, true
			}
			return nil, &retryable{err: err, wait: wait, told: told}
		}
		return nil, err
	}
	return body, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string) (time.Duration, bool) {
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(0, time.Until(t)), true
	}
	return 0, false
}

func redact(u string) string {
	if len(u) > 200 {
		return u[:200] + "…"
	}
	return u
}

func orStr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orInt(n, def int) int {
	if n == 0 {
		return def
	}
	return n
}

// CachedFetcher wraps a Fetcher with an on-disk cache, one file per
// distinct request, so that a rerun asks the API nothing twice. Responses
// are kept as they came, whatever they said (an item missing is an answer
// too).
type CachedFetcher struct {
	Fetcher Fetcher
	Dir     string
}

// Fetch implements Fetcher.
func (c *CachedFetcher) Fetch(ctx context.Context, params url.Values) ([]byte, error) {
	sum := sha256.Sum256([]byte(params.Encode()))
	name := hex.EncodeToString(sum[:])
	path := filepath.Join(c.Dir, name[:2], name+".json")
	if b, err := os.ReadFile(path); err == nil {
		return b, nil
	}
	b, err := c.Fetcher.Fetch(ctx, params)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	return b, atomicfile.Write(path, b)
}

// API is a Linker over Wikidata's API: wbgetentities by English Wikipedia
// title first (50 titles a request), then wbsearchentities for the names
// of the queries no title found, and wbgetentities by ID for the hits.
type API struct {
	Fetcher Fetcher
	// Langs are the languages besides English whose labels are asked for.
	Langs []string
	// SearchLimit is how many hits a search returns (7 when 0).
	SearchLimit int
}

const batch = 50

func (a *API) languages() string {
	return strings.Join(append([]string{"en"}, a.Langs...), "|")
}

// Candidates implements Linker.
func (a *API) Candidates(ctx context.Context, qs []Query) ([][]*Item, error) {
	out := make([][]*Item, len(qs))
	var titles []string
	for _, q := range qs {
		if q.Title != "" && !strings.Contains(q.Title, "|") && !contains(titles, q.Title) {
			titles = append(titles, q.Title)
		}
	}
	byTitle := map[string]*Item{}
	for i := 0; i < len(titles); i += batch {
		p := url.Values{
			"action": {"wbgetentities"}, "sites": {"enwiki"}, "titles": {strings.Join(titles[i:min(i+batch, len(titles))], "|")},
			"props": {"labels|aliases|claims|sitelinks"}, "languages": {a.languages()},
		}
		items, err := a.entities(ctx, p)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if it.Sitelink != "" {
				byTitle[it.Sitelink] = it
			}
		}
	}
	// Names of the queries whose title found nothing, searched once each.
	hits := map[string][]string{}
	var ids []string
	for i, q := range qs {
		if it := byTitle[q.Title]; it != nil {
			out[i] = []*Item{it}
			continue
		}
		for _, n := range q.Names {
			if _, done := hits[n]; done || strings.TrimSpace(n) == "" {
				continue
			}
			found, err := a.search(ctx, n)
			if err != nil {
				return nil, err
			}
			hits[n] = found
			for _, id := range found {
				if !contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
	}
	byID := map[string]*Item{}
	for i := 0; i < len(ids); i += batch {
		p := url.Values{
			"action": {"wbgetentities"}, "ids": {strings.Join(ids[i:min(i+batch, len(ids))], "|")},
			"props": {"labels|aliases|claims|sitelinks"}, "languages": {a.languages()},
		}
		items, err := a.entities(ctx, p)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			byID[it.ID] = it
		}
	}
	for i, q := range qs {
		if out[i] != nil {
			continue
		}
		// The search is fuzzy (prefixes, other languages): keep only the
		// items the index would have found, those sharing a name key.
		keys := map[string]bool{}
		for _, n := range q.Names {
			keys[NameKey(n)] = true
		}
		for _, n := range q.Names {
			for _, id := range hits[n] {
				it := byID[id]
				if it == nil {
					continue
				}
				for _, in := range it.names() {
					if keys[NameKey(in)] {
						out[i] = dedupe(out[i], it)
						break
					}
				}
			}
		}
	}
	return out, nil
}

func (a *API) entities(ctx context.Context, p url.Values) ([]*Item, error) {
	b, err := a.Fetcher.Fetch(ctx, p)
	if err != nil {
		return nil, err
	}
	var r struct {
		Entities map[string]json.RawMessage `json:"entities"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("wbgetentities: %v", err)
	}
	var out []*Item
	for _, raw := range r.Entities {
		it, err := ParseEntity(raw, a.Langs)
		if err != nil {
			return nil, fmt.Errorf("wbgetentities: %v", err)
		}
		if it != nil {
			out = append(out, it)
		}
	}
	return out, nil
}

func (a *API) search(ctx context.Context, name string) ([]string, error) {
	p := url.Values{
		"action": {"wbsearchentities"}, "search": {name}, "language": {"en"}, "uselang": {"en"},
		"type": {"item"}, "limit": {strconv.Itoa(orInt(a.SearchLimit, 7))},
	}
	b, err := a.Fetcher.Fetch(ctx, p)
	if err != nil {
		return nil, err
	}
	var r struct {
		Search []struct {
			ID string `json:"id"`
		} `json:"search"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("wbsearchentities: %v", err)
	}
	var ids []string
	for _, s := range r.Search {
		if isQID(s.ID) {
			ids = append(ids, s.ID)
		}
	}
	return ids, nil
}
