package load

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/wikikg/wikikg/internal/atomicfile"
)

// State records which graphs were loaded into which store with which
// content hash, so that a rerun skips unchanged graphs and an interrupted
// load continues where it stopped. It is saved as JSON, atomically.
type State struct {
	path string

	mu     sync.Mutex
	data   stateFile
	dirty  bool
	saved  time.Time
	period time.Duration
}

type stateFile struct {
	Version int `json:"version"`
	// Stores maps an endpoint (without credentials) to its graphs.
	Stores map[string]map[string]GraphState `json:"stores"`
}

// GraphState is what the state file records of one loaded graph.
type GraphState struct {
	Hash    string    `json:"hash"`
	Triples int       `json:"triples"`
	Loaded  time.Time `json:"loaded"`
}

// OpenState reads the state file at path, or starts an empty state when it
// does not exist yet.
func OpenState(path string) (*State, error) {
	s := &State{path: path, data: stateFile{Version: 1, Stores: map[string]map[string]GraphState{}}, period: time.Second}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &s.data); err != nil {
		return nil, fmt.Errorf("%s: not a wikikg load state file: %w", path, err)
	}
	if s.data.Version != 1 {
		return nil, fmt.Errorf("%s: state file version %d, want 1", path, s.data.Version)
	}
	if s.data.Stores == nil {
		s.data.Stores = map[string]map[string]GraphState{}
	}
	return s, nil
}

// Loaded reports whether graph was loaded into store with content hash.
func (s *State) Loaded(store, graph, hash string) bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.data.Stores[redact(store)][graph]
	return ok && g.Hash == hash
}

// Lookup returns what the state records of graph in store.
func (s *State) Lookup(store, graph string) (GraphState, bool) {
	if s == nil {
		return GraphState{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.data.Stores[redact(store)][graph]
	return g, ok
}

// Record notes that graph is in store with content hash, and saves the file
// when the last save is more than a second old (saving after every graph of
// a large load would cost more than the load).
func (s *State) Record(store, graph, hash string, triples int) error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	store = redact(store)
	m := s.data.Stores[store]
	if m == nil {
		m = map[string]GraphState{}
		s.data.Stores[store] = m
	}
	m[graph] = GraphState{Hash: hash, Triples: triples, Loaded: time.Now().UTC()}
	s.dirty = true
	if time.Since(s.saved) < s.period {
		return nil
	}
	return s.saveLocked()
}

// Forget removes graph from the record of store, as when the store turned
// out not to hold it.
func (s *State) Forget(store, graph string) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.data.Stores[redact(store)]; m != nil {
		delete(m, graph)
		s.dirty = true
	}
}

// Save writes the state file if anything changed since the last save.
func (s *State) Save() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.saveLocked()
}

// saveLocked writes a temporary file next to the state file and renames it
// into place, so a crash leaves the old state or the new, never half of one.
func (s *State) saveLocked() error {
	if !s.dirty {
		return nil
	}
	b, err := json.MarshalIndent(s.data, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(s.path, append(b, '\n')); err != nil {
		return err
	}
	s.dirty, s.saved = false, time.Now()
	return nil
}
