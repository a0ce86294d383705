package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/newsgraph/newsgraph"
)

// Compile-time check that *Store is a newsgraph.Store.
var _ newsgraph.Store = (*Store)(nil)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// busyTimeout is how long a connection waits for a lock held by another
// connection or process before failing with SQLITE_BUSY.
const busyTimeout = 10 * time.Second

// Store is a newsgraph.Store on one SQLite database file. It is safe for
// concurrent use: writes are serialised through a single connection, reads
// run on a separate pool of read-only connections.
type Store struct {
	path   string
	writer *sql.DB // one connection; every transaction is BEGIN IMMEDIATE
	reader *sql.DB // query_only connections for concurrent reads
	enc    *zstd.Encoder
	dec    *zstd.Decoder
	log    *slog.Logger
	limits searchLimits
	// While fresh (the store held no inputs when opened), Seen answers
	// from stored, the SHA-256 of every input this Store has put, instead
	// of querying; past maxSession inputs it goes back to querying.
	mu    sync.Mutex
	fresh bool
	// bands filters the quote band values a fresh store holds, so that a
	// quote no earlier quote resembles is stored without a candidate
	// query; only the writer touches it.
	bands        *bandFilter
	keys         *bandFilter // the same for quote text hashes
	stored       map[[sha256.Size]byte]struct{}
	sessionLimit int
}

// maxSession bounds the in-memory set of stored input hashes (about 80 MB).
const maxSession = 1 << 20

// Open opens (creating if needed) the store at path and applies any pending
// schema migrations. In-memory databases are not supported because the
// reader and writer pools must share one file.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	return openWith(ctx, path, migrationFiles, opts...)
}

// Option configures a Store.
type Option func(*Store)

// WithLogger sets the logger for migrations and maintenance messages
// (default slog.Default()).
func WithLogger(l *slog.Logger) Option {
	return func(s *Store) {
		if l != nil {
			s.log = l.With("store", s.path)
		}
	}
}

func openWith(ctx context.Context, path string, migrations fs.FS, opts ...Option) (*Store, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file::memory:") {
		return nil, fmt.Errorf("sqlite: open %q: an on-disk path is required", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %q: %w", path, err)
	}
	s := &Store{path: abs, log: slog.Default().With("store", abs), limits: searchLimits{count: CountCap, rank: RankCap, df: dfCap}}
	for _, o := range opts {
		o(s)
	}
	base := "file:" + uriEscape.Replace(abs) + "?_pragma=busy_timeout(" + strconv.Itoa(int(busyTimeout/time.Millisecond)) + ")"

	s.writer, err = sql.Open("sqlite", base+
		"&_txlock=immediate"+
		"&_pragma=journal_mode(WAL)"+
		"&_pragma=synchronous(NORMAL)"+
		"&_pragma=foreign_keys(1)"+
		"&_pragma=cache_size(-65536)"+
		"&_pragma=mmap_size(1073741824)"+
		"&_pragma=wal_autocheckpoint(10000)"+
		"&_pragma=journal_size_limit(67108864)"+
		"&_pragma=temp_store(MEMORY)")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}
	s.writer.SetMaxOpenConns(1)
	s.writer.SetMaxIdleConns(1)
	s.writer.SetConnMaxLifetime(0)
	s.writer.SetConnMaxIdleTime(0)
	if err := s.writer.PingContext(ctx); err != nil {
		s.writer.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}
	if err := migrate(ctx, s.writer, migrations, s.log); err != nil {
		s.writer.Close()
		return nil, err
	}
	if err := s.backfillQuoteHashes(ctx); err != nil {
		s.writer.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}
	var any int
	switch err := s.writer.QueryRowContext(ctx, "SELECT 1 FROM inputs LIMIT 1").Scan(&any); {
	case errors.Is(err, sql.ErrNoRows):
		s.fresh, s.stored, s.sessionLimit = true, map[[sha256.Size]byte]struct{}{}, maxSession
		s.bands, s.keys = newBandFilter(), newBandFilter()
	case err != nil:
		s.writer.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}

	s.reader, err = sql.Open("sqlite", base+
		"&_pragma=query_only(1)"+
		"&_pragma=foreign_keys(1)"+
		"&_pragma=cache_size(-32000)"+
		"&_pragma=mmap_size(268435456)"+
		"&_pragma=temp_store(MEMORY)")
	if err != nil {
		s.writer.Close()
		return nil, fmt.Errorf("sqlite: open %s for reading: %w", abs, err)
	}
	n := max(4, 2*runtime.GOMAXPROCS(0))
	s.reader.SetMaxOpenConns(n)
	s.reader.SetMaxIdleConns(n)

	s.enc, err = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest))
	if err != nil {
		s.closeDBs()
		return nil, fmt.Errorf("sqlite: zstd encoder: %w", err)
	}
	s.dec, err = zstd.NewReader(nil, zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		s.closeDBs()
		return nil, fmt.Errorf("sqlite: zstd decoder: %w", err)
	}
	return s, nil
}

// uriEscape escapes the characters that would end the path part of a
// file: URI.
var uriEscape = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close runs PRAGMA optimize and releases the store.
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := s.writer.ExecContext(ctx, "PRAGMA optimize"); err != nil {
		s.log.Warn("pragma optimize", "err", err)
	}
	if s.enc != nil {
		s.enc.Close()
	}
	if s.dec != nil {
		s.dec.Close()
	}
	return s.closeDBs()
}

func (s *Store) closeDBs() error {
	var errs []error
	if s.reader != nil {
		if err := s.reader.Close(); err != nil {
			errs = append(errs, fmt.Errorf("sqlite: close readers: %w", err))
		}
	}
	if err := s.writer.Close(); err != nil {
		errs = append(errs, fmt.Errorf("sqlite: close writer: %w", err))
	}
	return errors.Join(errs...)
}

// migration is one numbered schema file.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads migrations/NNNN_name.sql files in version order.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("sqlite: list migrations: %w", err)
	}
	var ms []migration
	seen := map[int]string{}
	for _, n := range names {
		base := path.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("sqlite: migration %s: name must be NNNN_name.sql", n)
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("sqlite: migrations %s and %s share version %d", prev, base, v)
		}
		seen[v] = base
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("sqlite: read migration %s: %w", n, err)
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(base, ".sql"), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies every migration not yet recorded in schema_migrations, each
// in its own BEGIN IMMEDIATE transaction, so two processes opening the same
// new file cannot both apply one.
func migrate(ctx context.Context, db *sql.DB, fsys fs.FS, log *slog.Logger) error {
	ms, err := loadMigrations(fsys)
	if err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name    TEXT NOT NULL,
		applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("sqlite: create schema_migrations: %w", err)
	}
	// Creating a new file is routine; upgrading an existing one is news.
	level := slog.LevelDebug
	var applied int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations").Scan(&applied); err != nil {
		return fmt.Errorf("sqlite: read schema_migrations: %w", err)
	}
	if applied > 0 {
		level = slog.LevelInfo
	}
	for _, m := range ms {
		if err := applyMigration(ctx, db, m, log, level); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration, log *slog.Logger, level slog.Level) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: migration %s: begin: %w", m.name, err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = ?", m.version).Scan(&n); err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.name, err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations(version, name, applied) VALUES (?, ?, ?)",
		m.version, m.name, nowString()); err != nil {
		return fmt.Errorf("sqlite: migration %s: record: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: migration %s: commit: %w", m.name, err)
	}
	log.Log(ctx, level, "applied schema migration", "version", m.version, "name", m.name)
	return nil
}

// Optimize merges the full-text index into one segment and refreshes the
// query planner's statistics. Worth running after a large ingest; it takes
// the write lock for a while (seconds per 100,000 documents).
func (s *Store) Optimize(ctx context.Context) error {
	if _, err := s.writer.ExecContext(ctx, "INSERT INTO documents_fts(documents_fts) VALUES('optimize')"); err != nil {
		return fmt.Errorf("sqlite: optimize index: %w", err)
	}
	if _, err := s.writer.ExecContext(ctx, "PRAGMA optimize"); err != nil {
		return fmt.Errorf("sqlite: optimize: %w", err)
	}
	return nil
}

// Migrations returns the versions recorded in schema_migrations, in order.
func (s *Store) Migrations(ctx context.Context) ([]int, error) {
	rows, err := s.reader.QueryContext(ctx, "SELECT version FROM schema_migrations ORDER BY version")
	if err != nil {
		return nil, fmt.Errorf("sqlite: list migrations: %w", err)
	}
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("sqlite: list migrations: %w", err)
		}
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list migrations: %w", err)
	}
	return vs, nil
}

func nowString() string { return time.Now().UTC().Format(time.RFC3339Nano) }
