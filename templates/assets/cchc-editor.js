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
  // Decap's Vietnamese locale (decap-cms-locales 3.x) lacks these phrases and shows them in
  // English; the board reads every word of the interface in Vietnamese.
  var MISSING_VI = {
    collection: {
      collectionTop: { viewAsList: "Xem dạng danh sách", viewAsGrid: "Xem dạng lưới",
        groupBy: "Nhóm theo" },
      entries: { unpublishedHeader: "Bài chưa đăng" },
      groups: { other: "Khác", negateLabel: "Không %{label}" }
    },
    editor: {
      editorControl: { field: { widgetLabel: "Ô %{widgetLabel}" } },
      editorInterface: { togglePreview: "Bật, tắt xem trước", toggleScrollSync: "Cuộn đồng thời",
        toggleNotes: "Bật, tắt ghi chú", toggleI18n: "Bật, tắt ngôn ngữ" },
      editorNotesPane: { title: "Ghi chú", emptyState: "Chưa có ghi chú.",
        addNote: "Thêm ghi chú", addPlaceholder: "Viết ghi chú…", editPlaceholder: "Sửa ghi chú…",
        save: "Lưu", cancel: "Hủy", edit: "Sửa", "delete": "Xóa", resolve: "Đã xử lý",
        unresolve: "Chưa xử lý", confirmDelete: "Xóa ghi chú này?",
        shortcut: "Mẹo: Ctrl+Enter để thêm ghi chú" },
      editorToolbar: {
        statusInfoTooltipDraft: "Bài đang là bản nháp. Khi viết xong, chuyển sang «Chờ duyệt» để " +
          "trưởng ban duyệt.",
        statusInfoTooltipInReview: "Bài đang chờ duyệt; vẫn có thể sửa trong khi chờ."
      },
      editorWidgets: {
        markdown: { bold: "Đậm", italic: "Nghiêng", strikethrough: "Gạch ngang", code: "Mã",
          link: "Liên kết", linkPrompt: "Nhập địa chỉ của liên kết", headings: "Đề mục",
          quote: "Trích dẫn", bulletedList: "Danh sách gạch đầu dòng",
          numberedList: "Danh sách đánh số", addComponent: "Thêm thành phần",
          toggleMode: { rich: "Chuyển sang văn bản định dạng", markdown: "Chuyển sang Markdown" } },
        image: { chooseMultiple: "Chọn các hình", chooseUrl: "Chèn từ địa chỉ web",
          replaceUrl: "Thay bằng địa chỉ web", promptUrl: "Nhập địa chỉ của hình",
          addMore: "Thêm hình", removeAll: "Xóa mọi hình" },
        file: { chooseUrl: "Chèn từ địa chỉ web", chooseMultiple: "Chọn các tệp",
          replaceUrl: "Thay bằng địa chỉ web", promptUrl: "Nhập địa chỉ của tệp",
          addMore: "Thêm tệp", removeAll: "Xóa mọi tệp" },
        datetime: { setToNow: "Đặt %{fieldLabel} là bây giờ" },
        list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
        object: { expand: "Mở rộng", collapse: "Thu gọn" }
      }
    },
    mediaLibrary: {
      mediaLibraryCard: { copy: "Sao chép", copyUrl: "Sao chép địa chỉ",
        copyPath: "Sao chép đường dẫn", copyName: "Sao chép tên", copied: "Đã sao chép" },
      mediaLibraryModal: { close: "Đóng" }
    },
    ui: { settingsDropdown: { account: "Tài khoản" } }
  };

  function fill(target, phrases) {
    Object.keys(phrases).forEach(function (key) {
      if (typeof phrases[key] === "object") {
        target[key] = target[key] || {};
        fill(target[key], phrases[key]);
      } else if (!(key in target)) {
        target[key] = phrases[key];
      }
    });
    return target;
  }

  if (CMS.getLocale) {
    var vi = fill(CMS.getLocale("vi") || {}, MISSING_VI);
    // "＋" (a full-width sign) is missing from many system fonts and shows as an empty box.
    vi.collection.collectionTop.newButton = "Thêm %{collectionLabel}";
    CMS.registerLocale("vi", vi);
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
