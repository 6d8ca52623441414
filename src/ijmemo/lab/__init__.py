"""What the analyst works with in JupyterLab: widgets laid over the package's steps."""
