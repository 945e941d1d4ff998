import { dictionary } from '../../i18n/index.ts';

/** The site fieldset's text (its kinds' names are the registry's labels). */
export const siteFormDict = dictionary(
  {
    siteLegend: 'Площадка',
    siteName: 'Название площадки',
    siteNameHint: 'например, «Промплощадка № 1» или «Цех переработки»',
    siteKind: 'Тип площадки',
    siteAddress: 'Адрес',
    siteLat: 'Широта',
    siteLon: 'Долгота',
    siteCoordHint: 'в градусах, например 54,03 — запятая или точка',
    siteLonHint: 'в градусах, например 86,09 — запятая или точка',
    siteMapLabel: 'Карта Кемеровской области: щёлкните, чтобы поставить площадку',
    siteMapHint:
      'Щёлкните по карте, чтобы поставить площадку, или введите координаты. С клавиатуры: выберите карту, сдвиньте стрелками и нажмите Enter — площадка встанет в центр.',
    siteMapPlaced: 'Площадка поставлена: {lat}, {lon}',
    siteMapOutside: 'Точка вне Кемеровской области — проверьте координаты',
    siteErrRequired: 'Обязательное поле',
    siteErrCoordinates: 'Укажите координаты или щёлкните по карте',
    siteErrNumber: 'Введите число, например 54,03',
    siteMapAttribution: 'Граница региона © участники OpenStreetMap (ODbL)',
  },
  {
    siteLegend: 'Site',
    siteName: 'Site name',
    siteNameHint: 'e.g. "Industrial site No. 1" or "Processing shop"',
    siteKind: 'Site kind',
    siteAddress: 'Address',
    siteLat: 'Latitude',
    siteLon: 'Longitude',
    siteCoordHint: 'in degrees, e.g. 54.03 — a comma or a point',
    siteLonHint: 'in degrees, e.g. 86.09 — a comma or a point',
    siteMapLabel: 'Map of the Kemerovo Oblast: click to place the site',
    siteMapHint:
      'Click the map to place the site, or type its coordinates. With the keyboard: focus the map, move it with the arrow keys and press Enter to place the site at its centre.',
    siteMapPlaced: 'Site placed at {lat}, {lon}',
    siteMapOutside: 'The point is outside the Kemerovo Oblast; check the coordinates',
    siteErrRequired: 'Required',
    siteErrCoordinates: 'Type the coordinates or click the map',
    siteErrNumber: 'Type a number, e.g. 54.03',
    siteMapAttribution: 'Region outline © OpenStreetMap contributors (ODbL)',
  },
);
