"""Real-browser tests: every lesson notebook run in JupyterLab (and Notebook 7) by Chromium."""
