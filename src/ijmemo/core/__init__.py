"""The ground floor: paths from one place, problems and errors, atomic writes, YAML i/o."""
