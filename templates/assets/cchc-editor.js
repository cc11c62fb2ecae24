/* Web editor (/quan-tri/): the preview pane uses the site's own stylesheet, and an article is
   previewed laid out as the published page (templates/pages/article.html). Loaded after
   decap-cms.js from a file, so the editor's Content-Security-Policy forbids inline scripts. */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  if (!CMS || !h || !createClass) {
    return;
  }
  CMS.registerPreviewStyle("../assets/cchc-colours.css");
  CMS.registerPreviewStyle("../assets/cchc.css");

  var WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // "Thứ Hai, 15/07/2024", as the published page writes it.
  function weekdayDate(value) {
    var day = value instanceof Date ? value : null;
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value || ""));
    if (!day && match) {
      day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    }
    if (!day || isNaN(day.getTime())) {
      return "";
    }
    return WEEKDAYS[day.getDay()] + ", " + two(day.getDate()) + "/" +
      two(day.getMonth() + 1) + "/" + day.getFullYear();
  }

  var ArticlePreview = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      var image = data.get("image");
      var asset = image ? this.props.getAsset(image) : null;
      var tags = data.get("tags");
      return h("article", { className: "md-typeset cchc-article", lang: "vi" },
        data.get("draft") ? h("p", { className: "cchc-badge cchc-badge--draft" },
          "Bản nháp: chưa đăng lên trang.") : null,
        h("h1", { className: "cchc-article__title" }, data.get("title") || ""),
        h("p", { className: "cchc-article__meta" }, weekdayDate(data.get("date"))),
        data.get("author") || data.get("unit") ? h("p", { className: "cchc-article__byline" },
          [data.get("author"), data.get("unit")].filter(Boolean).join(" – ")) : null,
        h("p", { className: "cchc-article__summary" }, data.get("summary") || ""),
        asset ? h("figure", { className: "cchc-article__lead" },
          h("img", { src: asset.toString(), alt: data.get("image_alt") || "" }),
          data.get("image_caption") ? h("figcaption", {}, data.get("image_caption")) : null)
          : null,
        h("div", { className: "cchc-article__body" }, this.props.widgetFor("body")),
        tags && tags.size ? h("p", { className: "cchc-tags" },
          h("span", { className: "cchc-tags__label" }, "Từ khóa: "),
          tags.toArray().map(function (tag) {
            return h("span", { className: "cchc-tag", key: tag }, tag);
          })) : null);
    }
  });
  CMS.registerPreviewTemplate("tin-tuc", ArticlePreview);
})();
