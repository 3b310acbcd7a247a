/** What the pane says about WPS 表格 as its host (plain text, so node tests and the e2e test read the same words). */
export const WPS_HOST_TEXT = '运行于 WPS 表格：生成台账、校验、汇总都直接在当前工作簿中完成，原有工作表不会被覆盖或改名。与 Excel 不同之处：';

/** What this host cannot do, or does differently, as far as known without a real WPS to try (docs/wps-support.md). */
export const WPS_MISSING: readonly string[] = [
  '“下载台账文件”“下载汇总表”依赖 WPS 内嵌浏览器的下载功能，部分版本不弹出保存对话框；遇到时请在浏览器中打开本页下载。',
  '写入当前工作簿的“图表”工作表只有数据，不画图表（Excel 中也一样）；下载的汇总表文件中有图表。',
  '通报草稿（Word）在这里不生成：请在浏览器中打开本页汇总后生成。',
];
