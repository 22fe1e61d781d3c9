// results page (filled in below)
