"""Tools beside the pipeline: the proposals' evaluation and the synthetic corpus."""
