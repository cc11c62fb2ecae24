"""The Content-Security-Policy every HTML file of the site carries in a <meta>.

Only the site's own scripts, styles, images and fonts; nothing inline, nothing from elsewhere.
data: images are the icons Material's stylesheet embeds. The same policy, with the directives a
<meta> cannot carry, is in the example server configuration (README). The theme's pages and the
static redirect pages (sections/redirects) both read it from here.
"""

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
    "frame-src 'none'; base-uri 'self'; form-action 'self'"
)
