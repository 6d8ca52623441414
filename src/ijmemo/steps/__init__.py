"""The pipeline's steps, each load / process / save: curate, add-source, accept, report."""
