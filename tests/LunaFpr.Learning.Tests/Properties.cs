// Tests share torch's process-wide state (thread count, generator, live-tensor counter) and two cores; running them
// one at a time keeps the leak count exact and the timings sane.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
