// The icons the side menu uses, by the names menu.js gives them.
import {
  Briefcase,
  Calendar,
  Connection,
  DataAnalysis,
  Document,
  HomeFilled,
  List,
  MapLocation,
  OfficeBuilding,
  Position,
  Stamp,
  Tickets,
  TrendCharts,
  User,
} from '@element-plus/icons-vue';

export const menuIcons = {
  Briefcase,
  Calendar,
  Connection,
  DataAnalysis,
  Document,
  HomeFilled,
  List,
  MapLocation,
  OfficeBuilding,
  Position,
  Stamp,
  Tickets,
  TrendCharts,
  User,
};
