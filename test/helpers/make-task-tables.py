#!/usr/bin/python3
"""Writes the task-table fixtures (任务分解表) with openpyxl, a program other than taizhang:
test/fixtures/plans/tables/*.xlsx and a GB18030 .csv. Run: /usr/bin/python3 test/helpers/make-task-tables.py
The files are committed; this script is how they were made."""
import csv, datetime, io, os
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

OUT = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'plans', 'tables')
HEADER = ['序号', '类别', '工作任务（重点任务）', '工作内容（具体措施）', '责任单位（牵头单位、配合单位）', '责任人', '完成时限']

# 某某区教育局2025年工作要点任务分解表: 类别 merged down the left over its tasks.
CATEGORY_ROWS = [
    ('党的建设', [
        (1, '深化理论武装', '健全“第一议题”制度，每季度组织1次专题学习研讨。', '牵头单位：组织人事科；配合单位：办公室', '王建国', '2025年12月底前'),
        (2, '落实意识形态工作责任制', '每半年专题研究一次意识形态工作，开展风险隐患排查。', '办公室（牵头）、各直属学校', '李红', datetime.date(2025, 6, 30)),
    ]),
    ('教育教学', [
        (3, '推进集团化办学', '新组建紧密型教育集团3个，实现城乡结对全覆盖。', '基础教育科', '张伟', '2025年9月'),
        (4, '提升课堂教学质量', '开展“新课标、新课堂”教学比武，组织学科视导不少于20次。', '教研室、基础教育科', '赵敏', '每学期'),
        (5, '规范课后服务', '课后服务覆盖率保持100%，严禁变相组织集体补课。', '基础教育科', '', '长期坚持'),
    ]),
    ('安全稳定', [
        (6, '开展校园安全隐患排查', '每学期开展一次全面排查，建立问题清单，限时整改到位。', '安全办', '孙强', '每学期'),
    ]),
]


def category_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = '任务分解表'
    ws.append(['某某区教育局2025年工作要点任务分解表'])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws['A1'].font = Font(bold=True, size=16)
    ws.append(HEADER)
    row = 3
    for category, tasks in CATEGORY_ROWS:
        first = row
        for no, task, content, units, owner, deadline in tasks:
            ws.cell(row=row, column=1, value=no)
            ws.cell(row=row, column=2, value=category if row == first else None)
            ws.cell(row=row, column=3, value=task)
            ws.cell(row=row, column=4, value=content).alignment = Alignment(wrap_text=True)
            ws.cell(row=row, column=5, value=units)
            ws.cell(row=row, column=6, value=owner or None)
            cell = ws.cell(row=row, column=7, value=deadline)
            if isinstance(deadline, datetime.date):
                cell.number_format = 'yyyy"年"m"月"d"日"'
            row += 1
        if row - 1 > first:
            ws.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
    ws.cell(row=row + 1, column=1, value='备注：完成时限以年度考核通知为准。')
    wb.save(path)


def rows_workbook(path):
    """某某中学2025年德育工作任务清单: pillars in full-width rows, a two-row header, a task merged over two measures."""
    wb = Workbook()
    ws = wb.active
    ws.title = 'Sheet1'
    ws.append(['某某中学2025年德育工作任务清单'])
    ws.merge_cells('A1:F1')
    ws.append(['序号', '工作任务', '具体措施', '责任部门', None, '完成时间'])
    ws.append([None, None, None, '牵头部门', '配合部门', None])
    for col in ('A', 'B', 'C', 'F'):
        ws.merge_cells(f'{col}2:{col}3')
    ws.merge_cells('D2:E2')
    data = [
        ('一、思想道德教育',),
        (1, '开展主题教育活动', '以“学习二十大、争做好队员”为主题，每月开展一次主题班会。', '德育处', '各年级组', '每月'),
        (2, '加强心理健康教育', '配齐专职心理教师，每学期开展一次心理健康筛查。', '心理中心', '', '2025年10月底前'),
        (3, None, '建立重点学生心理档案，做到一生一案。', '心理中心', '各班主任', '2025年11月'),
        ('二、行为习惯养成',),
        (4, '开展文明礼仪月活动', '开展仪容仪表、课间文明、文明就餐专项检查，每周公布结果。', '德育处', '团委', '2025年3月'),
        (5, '规范升旗仪式', '每周一举行升旗仪式，做好国旗下讲话。', '团委', '', '每周'),
    ]
    row = 4
    merged_task_top = None
    for item in data:
        if len(item) == 1:
            ws.cell(row=row, column=1, value=item[0])
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        else:
            for col, value in enumerate(item, start=1):
                if value not in (None, ''):
                    ws.cell(row=row, column=col, value=value)
            if item[1] is None and merged_task_top is not None:
                ws.merge_cells(start_row=merged_task_top, start_column=2, end_row=row, end_column=2)
            merged_task_top = row
        row += 1
    wb.save(path)


def unlabelled_workbook(path):
    """A left column without a header, merged down over each pillar's tasks (pillars as merged cells)."""
    wb = Workbook()
    ws = wb.active
    ws.title = '2025年党建'
    ws.append(['某某幼儿园2025年党建工作要点分解表'])
    ws.merge_cells('A1:E1')
    ws.append([None, '重点任务', '工作要求', '责任人', '完成时限'])
    rows = [
        ('一、加强政治建设', '开展主题党日活动', '每月开展一次主题党日，做好记录。', '陈园长', '每月'),
        (None, '落实“三会一课”', '按期召开支部党员大会、支委会、党小组会和上党课。', '刘书记', '长期坚持'),
        ('二、加强师德师风建设', '签订师德承诺书', '全体教职工签订师德承诺书，公开承诺内容。', '刘书记', '2025年3月底前'),
        (None, '开展师德专题培训', '每学期组织一次师德专题培训。', '王老师', '每学期'),
        (None, '评选“最美教师”', '年底评选“最美教师”2名。', '陈园长', '年底前'),
    ]
    for r in rows:
        ws.append(list(r))
    ws.merge_cells('A3:A4')
    ws.merge_cells('A5:A7')
    wb.save(path)


def gb18030_csv(path):
    """The 类别 table as a .csv in GB18030 (Excel's “CSV” on Chinese Windows), quoted cells with commas and a line break."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator='\r\n')
    w.writerow(['某某县教育局2025年教育督导工作任务分解表'])
    w.writerow(['序号', '类别', '重点任务', '具体措施', '责任股室', '配合单位', '完成时限'])
    w.writerow([1, '督政', '开展乡镇履行教育职责评价', '对全县12个乡镇开展履职评价，评价结果报县政府。', '督导室', '各乡镇中心校', '2025年10月底前'])
    w.writerow([2, '督政', '做好优质均衡迎检工作', '对照评估指标逐项查漏补缺,确保通过省级评估。', '督导室', '', '2025年9月'])
    w.writerow([3, '督学', '落实责任督学挂牌督导', '责任督学每月到校督导不少于2次，\n全年覆盖率达100%。', '督导室', '各中小学', '每月'])
    w.writerow([4, '督学', '开展办学行为专项督导', '重点检查课程开设、作业管理、课后服务。', '督导室、基础教育股', '', '2025年6月底前'])
    w.writerow([5, '监测', '组织义务教育质量监测', '完成四年级、八年级学生质量监测。', '督导室', '教研室', '2025年5月'])
    with open(path, 'wb') as f:
        f.write(out.getvalue().encode('gb18030'))


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    category_workbook(os.path.join(OUT, 'category-column-2025.xlsx'))
    rows_workbook(os.path.join(OUT, 'pillar-rows-2025.xlsx'))
    unlabelled_workbook(os.path.join(OUT, 'merged-left-2025.xlsx'))
    gb18030_csv(os.path.join(OUT, 'duidao-2025.gb18030.csv'))
