// Word lists for generated company names (Chinese and English), shared by the benchmarks'
// data generators so both draw from the same realistic pool.

/** A list written as one string, so it stays compact. */
export const words = (list: string, separator = ' '): string[] => list.split(separator);

export const CITIES = words(
  '北京 上海 广州 深圳 杭州 南京 苏州 成都 重庆 武汉 西安 天津 青岛 厦门 宁波 长沙 郑州 合肥 济南 福州 大连 沈阳 无锡 佛山 东莞 昆明 南昌 温州 常州 珠海',
);
export const CORES = words(
  '恒达 华信 金泰 宏远 鼎盛 瑞丰 天成 永安 新元 博众 中科 汇通 嘉禾 润泽 东方 长城 飞扬 明辉 盛世 安泰 联创 海纳 正大 万隆 德信 兴业 宝丰 同力 卓越 启航 信达 光明 华美 百川 九州 亿联 中鼎 致远 和谐 锦程 凯旋 睿智 朗润 星河 蓝海 青松 富源 晨光 泰和 福瑞 英华 山河 佳禾 祥云 立信 弘毅 君安 华盛 龙腾 远航',
);
export const TRADES = words(
  '科技 贸易 电子 机械 化工 医药 物流 建材 食品 纺织 软件 能源 环保 汽配 家居 传媒 实业 仪器 光电 材料 工程 设备 电气 通信 精密 模具 包装 印务 农业 商贸',
);
export const EN_CORES = words(
  'Northwind|Blue Ridge|Summit|Evergreen|Silverline|Redwood|Bright Star|Harbor|Pioneer|Keystone|Golden Gate|Riverside|Atlas|Vertex|Orion|Sterling|Crescent|Beacon|Maple Leaf|Granite|Lakeside|Horizon|Falcon|Cedar|Westbrook|Ironwood|Nova|Apex|Meridian|Oakmont|Pacific|Union|Aurora|Cobalt|Highland|Liberty|Monarch|Pinnacle|Quantum|Sapphire',
  '|',
);
export const EN_TRADES = words(
  'Trading|Electronics|Industries|Logistics|Foods|Systems|Materials|Chemicals|Textiles|Devices|Components|Packaging|Machinery|Software|Medical|Energy|Motors|Instruments|Optics|Supplies|Tools|Plastics|Metals|Networks|Controls',
  '|',
);
export const EN_PLACES = words(
  'Asia|Pacific|Europe|America|Global|International|Hong Kong|Singapore|Shanghai|Shenzhen|Taiwan|Japan|Korea|Vietnam|Thailand|Malaysia|Australia|Canada|Germany|UK|France|Italy|Spain|Holland|Nordic|Brazil|Mexico|India|Dubai|Africa',
  '|',
);
export const EN_SUFFIXES = words('Ltd|Co. Ltd|Limited|Corp|GmbH|LLC', '|');
