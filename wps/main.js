/*
 * WPS 表格 加载项入口（ribbon.xml 的回调）。WPS 的内嵌浏览器较旧：这里只用 ES5，
 * 不用箭头函数、let/const、模板字符串、Promise 以外的新接口。
 * 三个按钮都打开同一个任务窗格页面（与浏览器页面、Excel 加载项同一个 taskpane.html），
 * 用地址中的 #generate / #validate / #rollup 告诉页面要做哪一步。
 */
var TASKPANE_KEY = 'taizhang_taskpane_id';
/* 网页相对加载项目录的位置：在线部署时网页在上一级（dist/ 与 dist/wps/）；离线包里网页与本文件同在一个目录，
   构建时把这一行改为 './'（scripts/wps-package.js）。 */
var PAGE_DIR = '../';
var ACTIONS = { btnGenerate: 'generate', btnValidate: 'validate', btnRollup: 'rollup' };

function pageUrl(action) {
  var here = window.location.href.split('#')[0].split('?')[0];
  var base = here.substring(0, here.lastIndexOf('/') + 1);
  if (PAGE_DIR === '../') {
    base = base.substring(0, base.length - 1);
    base = base.substring(0, base.lastIndexOf('/') + 1);
  }
  return base + 'taskpane.html#' + action;
}

function OnAddinLoad(ribbonUI) {
  if (typeof window.Application === 'object' && window.Application) window.Application.ribbonUI = ribbonUI;
  return true;
}

/* 已打开的任务窗格；id 失效时（WPS 重启后）GetTaskPane 在有的版本返回 null，有的抛错。 */
function openPane(app, id) {
  if (!id) return null;
  try {
    return app.GetTaskPane(id) || null;
  } catch (e) {
    return null;
  }
}

/* 官方模板用 Application.CreateTaskPane(url)（单参数）；较早的加载项用 wps.CreateTaskPane。 */
function createPane(app, url) {
  if (app && typeof app.CreateTaskPane === 'function') return app.CreateTaskPane(url);
  return window.wps.CreateTaskPane(url);
}

function showPane(action) {
  var app = window.Application || (window.wps && window.wps.EtApplication ? window.wps.EtApplication() : null);
  var storage = (app && app.PluginStorage) || (window.wps && window.wps.PluginStorage);
  var pane = openPane(app, storage ? storage.getItem(TASKPANE_KEY) : null);
  if (pane) {
    /* 已开的窗格转到所点的步骤；没有 Navigate 的版本只把窗格显示出来，由用户点选项卡。 */
    if (typeof pane.Navigate === 'function') pane.Navigate(pageUrl(action));
  } else {
    pane = createPane(app, pageUrl(action));
    if (!pane) return;
    if (storage) storage.setItem(TASKPANE_KEY, pane.ID);
    /* 停靠在右侧（msoCTPDockPositionRight = 2），与 Excel 的任务窗格位置一致。 */
    try {
      pane.DockPosition = 2;
    } catch (e) {
      /* 个别版本不允许设置：保持默认位置。 */
    }
  }
  pane.Visible = true;
}

function OnAction(control) {
  var action = ACTIONS[control.Id];
  /* 回调不用 async：WPS 12.1.0.23542 等版本中 async 回调会让功能区不显示。 */
  if (action) showPane(action);
  return true;
}

function GetImage(control) {
  return PAGE_DIR + 'assets/icon-32.png';
}
