// Messages for files the import cannot take (issue 8, the bad-input corpus in test/fixtures/bad):
// other formats under a .csv name, files without values, broken rows. Spread into the catalogs in
// ../en.ts and ../zh-CN.ts; the catalog test checks them. {file} is the file's name.
export const importProblemsEn = {
  'import.error.no_values':
    '{file} holds no values — only blank lines, spaces or separators. Nothing was imported.',
  'import.error.zero_bytes':
    '{file} contains only zero bytes: the file is damaged or was never completely saved. Export it again.',
  'import.error.image_file':
    '{file} is a {format} image, not a CSV file. Import the data export itself, not a picture of it.',
  'import.error.pdf_file':
    '{file} is a PDF document, not a CSV file. Export the data from the system it came from as CSV instead.',
  'import.error.archive_file':
    '{file} is a compressed {format} archive, not a CSV file. Unpack it first, then import the CSV file inside.',
  'import.error.html_file':
    '{file} is a web page (HTML), not a CSV file. If it came from a download, the export probably failed or asked for a login — download it again. If it is a table saved as “Excel”, open it in Excel and save it as CSV UTF-8.',
  'import.error.json_file':
    '{file} holds JSON data, not a CSV table. Export the data as CSV instead.',
  'import.error.one_line':
    '{file} is one line of {chars} characters with no line break: its line breaks were lost, or it is not a table. Nothing was imported.',
  'import.error.too_many_columns':
    '{file} has {columns} columns; Keyplan reads at most {max}. Check the delimiter, or remove the columns you do not need and save the file again.',
  'import.error.amount_overflow':
    'The amounts in {file} add up to more than Keyplan can count exactly (at row {line}). Check the amount column — a wrong decimal separator or unit makes amounts far too large. Nothing was saved.',
  'import.reject.bad_characters': 'Unreadable characters (wrong encoding, or a damaged file)',
  'import.reject.cell_too_long': 'Longer than a cell can be (32,767 characters)',
  'import.reject.unclosed_quote':
    'A quote (") opens here and never closes: the rest of the file was read into this cell',
  'import.reject.excel_error': 'An Excel error value, not data (fix the formula in the workbook)',
  'import.checkedNothing': 'Checked {file}',
  'import.nothingToImport.rejected':
    'No row of {file} can be imported: all {n} rows were rejected. The first: row {line}, column “{column}” — {reason}. Nothing was saved.',
  'import.nothingToImport.rejectedRow':
    'No row of {file} can be imported: all {n} rows were rejected. The first: row {line} — {reason}. Nothing was saved.',
  'import.nothingToImport.totals':
    'No row of {file} can be imported: the {n} rows read are all totals or subtotals, which are left out. Nothing was saved.',
  'import.missingColumns':
    'Keyplan could not find these columns in {file}: {fields}. Choose them below, or check that the file is an export of orders, customers or contacts.',
  'import.missingColumns.or': ' or ',
  'import.duplicateHeader':
    'Several columns of {file} are named “{header}” (columns {columns}): choose which one is {field}.',
} as const;

export const importProblemsZhCN: Record<keyof typeof importProblemsEn, string> = {
  'import.error.no_values': '{file} 中没有任何数据，只有空行、空格或分隔符。未导入任何内容。',
  'import.error.zero_bytes': '{file} 只包含零字节：文件已损坏或未完整保存。请重新导出。',
  'import.error.image_file':
    '{file} 是 {format} 图片，不是 CSV 文件。请导入数据导出文件本身，而不是它的图片。',
  'import.error.pdf_file': '{file} 是 PDF 文档，不是 CSV 文件。请从原系统将数据导出为 CSV。',
  'import.error.archive_file':
    '{file} 是 {format} 压缩包，不是 CSV 文件。请先解压，再导入其中的 CSV 文件。',
  'import.error.html_file':
    '{file} 是网页（HTML），不是 CSV 文件。如果它是下载得到的，导出可能失败了或需要登录——请重新下载。如果它是另存为“Excel”的表格，请用 Excel 打开并另存为 CSV UTF-8。',
  'import.error.json_file': '{file} 包含的是 JSON 数据，不是 CSV 表格。请改为导出 CSV。',
  'import.error.one_line':
    '{file} 是一行 {chars} 个字符、没有换行的文本：换行符丢失了，或者它不是表格。未导入任何内容。',
  'import.error.too_many_columns':
    '{file} 有 {columns} 列；Keyplan 最多读取 {max} 列。请检查分隔符，或删除不需要的列后重新保存。',
  'import.error.amount_overflow':
    '{file} 中的金额合计超出了 Keyplan 能精确计算的范围（第 {line} 行）。请检查金额列——小数点或单位错误会让金额大得离谱。未保存任何内容。',
  'import.reject.bad_characters': '无法识别的字符（编码错误或文件损坏）',
  'import.reject.cell_too_long': '超出单元格长度上限（32,767 个字符）',
  'import.reject.unclosed_quote': '此处的引号（"）没有闭合：文件其余内容都被读进了这个单元格',
  'import.reject.excel_error': 'Excel 错误值，不是数据（请在工作簿中修正公式）',
  'import.checkedNothing': '已检查 {file}',
  'import.nothingToImport.rejected':
    '{file} 中没有可导入的行：全部 {n} 行都被拒绝。第一处：第 {line} 行，“{column}”列——{reason}。未保存任何内容。',
  'import.nothingToImport.rejectedRow':
    '{file} 中没有可导入的行：全部 {n} 行都被拒绝。第一处：第 {line} 行——{reason}。未保存任何内容。',
  'import.nothingToImport.totals':
    '{file} 中没有可导入的行：读取的 {n} 行都是合计或小计行，已被略过。未保存任何内容。',
  'import.missingColumns':
    'Keyplan 在 {file} 中找不到这些列：{fields}。请在下方选择，或确认该文件是订单、客户或联系人的导出文件。',
  'import.missingColumns.or': '或',
  'import.duplicateHeader':
    '{file} 中有多列都叫“{header}”（第 {columns} 列）：请选择哪一列是{field}。',
};

export const importProblemsZhTW: Record<keyof typeof importProblemsEn, string> = {
  'import.error.no_values': '{file} 中沒有任何資料，只有空行、空格或分隔符號。未匯入任何內容。',
  'import.error.zero_bytes': '{file} 只包含零位元組：檔案已損壞或未完整儲存。請重新匯出。',
  'import.error.image_file':
    '{file} 是 {format} 圖片，不是 CSV 檔案。請匯入資料匯出檔本身，而不是它的圖片。',
  'import.error.pdf_file': '{file} 是 PDF 文件，不是 CSV 檔案。請從原系統將資料匯出為 CSV。',
  'import.error.archive_file':
    '{file} 是 {format} 壓縮檔，不是 CSV 檔案。請先解壓縮，再匯入其中的 CSV 檔案。',
  'import.error.html_file':
    '{file} 是網頁（HTML），不是 CSV 檔案。如果它是下載得到的，匯出可能失敗了或需要登入——請重新下載。如果它是另存為「Excel」的表格，請用 Excel 開啟並另存為 CSV UTF-8。',
  'import.error.json_file': '{file} 包含的是 JSON 資料，不是 CSV 表格。請改為匯出 CSV。',
  'import.error.one_line':
    '{file} 是一行 {chars} 個字元、沒有換行的文字：換行符號遺失了，或者它不是表格。未匯入任何內容。',
  'import.error.too_many_columns':
    '{file} 有 {columns} 欄；Keyplan 最多讀取 {max} 欄。請檢查分隔符號，或刪除不需要的欄後重新儲存。',
  'import.error.amount_overflow':
    '{file} 中的金額合計超出了 Keyplan 能精確計算的範圍（第 {line} 列）。請檢查金額欄——小數點或單位錯誤會讓金額大得離譜。未儲存任何內容。',
  'import.reject.bad_characters': '無法辨識的字元（編碼錯誤或檔案損壞）',
  'import.reject.cell_too_long': '超出儲存格長度上限（32,767 個字元）',
  'import.reject.unclosed_quote': '此處的引號（"）沒有閉合：檔案其餘內容都被讀進了這個儲存格',
  'import.reject.excel_error': 'Excel 錯誤值，不是資料（請在活頁簿中修正公式）',
  'import.checkedNothing': '已檢查 {file}',
  'import.nothingToImport.rejected':
    '{file} 中沒有可匯入的列：全部 {n} 列都被拒絕。第一處：第 {line} 列，「{column}」欄——{reason}。未儲存任何內容。',
  'import.nothingToImport.rejectedRow':
    '{file} 中沒有可匯入的列：全部 {n} 列都被拒絕。第一處：第 {line} 列——{reason}。未儲存任何內容。',
  'import.nothingToImport.totals':
    '{file} 中沒有可匯入的列：讀取的 {n} 列都是合計或小計列，已被略過。未儲存任何內容。',
  'import.missingColumns':
    'Keyplan 在 {file} 中找不到這些欄：{fields}。請在下方選擇，或確認該檔案是訂單、客戶或聯絡人的匯出檔。',
  'import.missingColumns.or': '或',
  'import.duplicateHeader':
    '{file} 中有多欄都叫「{header}」（第 {columns} 欄）：請選擇哪一欄是{field}。',
};
