/*
 * WPS 表格 加载项入口（ribbon.xml 的回调）。WPS 的内嵌浏览器较旧：这里只用 ES5，
 * 不用箭头函数、let/const、模板字符串、Promise 以外的新接口。
 * 三个按钮都打开同一个任务窗格页面（与浏览器页面、Excel 加载项同一个 taskpane.html），
 * 用地址中的 #generate / #validate / #rollup 告诉页面要做哪一步。
 */
var TASKPANE_KEY = 'taizhang_taskpane_id';
var ACTIONS = { btnGenerate: 'generate', btnValidate: 'validate', btnRollup: 'rollup' };

/* 加载项目录（…/wps/）的上一级就是网页所在目录。 */
function pageUrl(action) {
  var here = window.location.href.split('#')[0].split('?')[0];
  var base = here.substring(0, here.lastIndexOf('/'));
  base = base.substring(0, base.lastIndexOf('/') + 1);
  return base + 'taskpane.html#' + action;
}

function OnAddinLoad(ribbonUI) {
  if (typeof window.Application === 'object' && window.Application) window.Application.ribbonUI = ribbonUI;
  return true;
}

function showPane(action) {
  var app = window.Application;
  var storage = app && app.PluginStorage;
  var id = storage ? storage.getItem(TASKPANE_KEY) : null;
  var pane = id ? app.GetTaskPane(id) : null;
  if (pane) {
    pane.Navigate(pageUrl(action));
  } else {
    pane = window.wps && window.wps.CreateTaskPane ? window.wps.CreateTaskPane(pageUrl(action), '台账助手') : app.CreateTaskPane(pageUrl(action), '台账助手');
    if (storage) storage.setItem(TASKPANE_KEY, pane.ID);
  }
  pane.Visible = true;
}

function OnAction(control) {
  var action = ACTIONS[control.Id];
  if (action) showPane(action);
  return true;
}

function GetImage(control) {
  return '../assets/icon-32.png';
}
