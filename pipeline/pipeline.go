// Package pipeline runs newsgraph's steps over a stream of inputs:
// source → clean → annotate → store. Reading is sequential (one reader
// walks the paths in order), extraction and annotation run on all cores, and
// storing is done by one writer in batched transactions, which is what
// SQLite wants and what keeps ingest idempotent: an input whose exact bytes
// were stored before is skipped, a document whose ID exists is a duplicate.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/source"
)

// Options configure a run.
type Options struct {
	// Workers is the number of extraction goroutines (default: all cores).
	Workers int
	// BatchSize is the most inputs stored per transaction (default
	// 1024). Smaller batches (from minBatch up) go whenever the writer is
	// idle, so it never waits for a full batch while the workers run (nor,
	// at the end, writes a long tail alone).
	BatchSize int
	// Stages annotate each document after extraction, in order.
	Stages []newsgraph.Stage
	// Progress, when set, is called after every stored batch with the
	// running totals (for a progress bar).
	Progress func(Summary)
	// Logger receives one line per failed input (default: discard).
	Logger *slog.Logger
}

func (o *Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (o *Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// Summary counts what a run did.
type Summary struct {
	Read       int // inputs read (records, pages, lines), failures included
	New        int // new documents stored
	Duplicates int // inputs already stored, or articles already stored from another input
	Failed     int // inputs kept as failures
	Elapsed    time.Duration
}

// Rate is inputs read per second.
func (s Summary) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Read) / s.Elapsed.Seconds()
}

// String is the closing summary line.
func (s Summary) String() string {
	return fmt.Sprintf("read %d, new %d, duplicates %d, failed %d, %.0f articles/s (%.1fs)",
		s.Read, s.New, s.Duplicates, s.Failed, s.Rate(), s.Elapsed.Seconds())
}

type job struct {
	seq  int
	in   *newsgraph.Input
	fail *newsgraph.Failure
}

// Process reads the paths and runs extraction and the stages on every input
// on all workers, calling out with each result in input order. It is what
// the stateless extract command uses; Ingest uses it with a store.
func Process(ctx context.Context, r *source.Reader, paths []string, ex newsgraph.Extractor, opts Options, skip func(*newsgraph.Input) bool, out func(newsgraph.Item) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, 4*opts.workers())
	results := make(chan indexed, 4*opts.workers())
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = r.Walk(ctx, paths, func(in *newsgraph.Input, fail *newsgraph.Failure) error {
			select {
			case jobs <- job{seq: seq, in: in, fail: fail}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for w := 0; w < opts.workers(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				it := run(ctx, j, ex, opts.Stages, skip)
				select {
				case results <- indexed{j.seq, it}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Reorder so output follows input order.
	pending := map[int]newsgraph.Item{}
	next := 0
	var outErr error
	for res := range results {
		if outErr != nil {
			continue
		}
		pending[res.seq] = res.item
		for {
			it, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := out(it); err != nil {
				outErr = err
				cancel()
				break
			}
		}
	}
	if outErr != nil {
		return outErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return fmt.Errorf("read inputs: %w", readErr)
	}
	return ctx.Err()
}

type indexed struct {
	seq  int
	item newsgraph.Item
}

func run(ctx context.Context, j job, ex newsgraph.Extractor, stages []newsgraph.Stage, skip func(*newsgraph.Input) bool) newsgraph.Item {
	if j.fail != nil {
		return newsgraph.Item{Failure: j.fail}
	}
	if skip != nil && skip(j.in) {
		return newsgraph.Item{Input: j.in}
	}
	doc, err := ex.Extract(ctx, j.in)
	if err == nil {
		for _, s := range stages {
			if err = s.Annotate(ctx, doc); err != nil {
				err = fmt.Errorf("%s: stage %s: %w", j.in.Name(), s.Name(), err)
				break
			}
		}
	}
	if err != nil {
		reason := strings.TrimPrefix(err.Error(), j.in.Name()+": ")
		return newsgraph.Item{Input: j.in, Failure: &newsgraph.Failure{Path: j.in.Path, Record: j.in.Record, Format: j.in.Format, Reason: reason, Data: j.in.Data}}
	}
	return newsgraph.Item{Input: j.in, Doc: doc}
}

// minBatch is the least inputs handed to an idle writer at once. A
// transaction's commit writes every page it dirtied, and the index pages
// of names, actors and quotes are dirtied by almost any batch: batches of
// 256 to 1024 inputs amortise that (against 64 to 256, the BBC ingest with
// actors takes ~15% less CPU per record).
const minBatch = 256

// Ingest reads, extracts, annotates and stores every input under paths.
// Inputs already stored are skipped (idempotent and resumable: an interrupted
// run is completed by running it again); one bad input never stops the
// batch. The summary counts every input. Storing runs in its own goroutine,
// one transaction per batch, while the workers go on extracting: a batch
// is handed over as soon as the writer is free and holds at least
// minBatch inputs, and the workers wait only when it reaches BatchSize.
func Ingest(ctx context.Context, r *source.Reader, paths []string, ex newsgraph.Extractor, store newsgraph.Store, opts Options) (Summary, error) {
	started := time.Now()
	batchSize := opts.BatchSize
	if batchSize <= 0 {
		batchSize = 1024
	}
	log := opts.logger()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var (
		sum      Summary
		mu       sync.Mutex // guards sum between the reader loop and the writer
		writeErr error
	)
	// Unbuffered: a send succeeds only when the writer is ready for more.
	batches := make(chan []newsgraph.Item)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for batch := range batches {
			if writeErr != nil {
				continue
			}
			var toStore []newsgraph.Item
			skipped := 0
			for _, it := range batch {
				if it.Doc == nil && it.Failure == nil {
					skipped++ // stored by an earlier run
					continue
				}
				toStore = append(toStore, it)
			}
			var res []newsgraph.PutResult
			if len(toStore) > 0 {
				var err error
				if res, err = store.Put(ctx, toStore); err != nil {
					writeErr = fmt.Errorf("store batch: %w", err)
					cancel()
					continue
				}
			}
			mu.Lock()
			sum.Duplicates += skipped
			for i, r := range res {
				switch r {
				case newsgraph.Stored:
					sum.New++
				case newsgraph.Duplicate:
					sum.Duplicates++
				case newsgraph.Failed:
					sum.Failed++
					log.Warn("input failed", "input", toStore[i].Failure.Error())
				}
			}
			sum.Elapsed = time.Since(started)
			snapshot := sum
			mu.Unlock()
			if opts.Progress != nil {
				opts.Progress(snapshot)
			}
		}
	}()

	skip := func(in *newsgraph.Input) bool {
		seen, err := store.Seen(ctx, in.Data)
		return err == nil && seen
	}
	batch := make([]newsgraph.Item, 0, batchSize)
	err := Process(ctx, r, paths, ex, opts, skip, func(it newsgraph.Item) error {
		mu.Lock()
		sum.Read++
		mu.Unlock()
		if it.Failure != nil && it.Failure.Data == nil && it.Input != nil {
			it.Failure.Data = it.Input.Data
		}
		batch = append(batch, it)
		switch {
		case len(batch) >= batchSize:
			select {
			case batches <- batch:
			case <-ctx.Done():
				return ctx.Err()
			}
		case len(batch) >= min(minBatch, batchSize):
			select {
			case batches <- batch:
			default:
				return nil // the writer is busy: keep collecting
			}
		default:
			return nil
		}
		batch = make([]newsgraph.Item, 0, batchSize)
		return nil
	})
	if len(batch) > 0 && err == nil {
		batches <- batch
	}
	close(batches)
	<-done
	if writeErr != nil {
		err = writeErr
	}
	sum.Elapsed = time.Since(started)
	return sum, err
}
