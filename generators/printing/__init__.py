"""Print files: posters, banners and leaflets as print-ready PDFs with their thumbnails."""
