// The icons the side menu uses, by the names menu.js gives them.
import {
  Briefcase,
  Calendar,
  Connection,
  HomeFilled,
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
  HomeFilled,
  MapLocation,
  OfficeBuilding,
  Position,
  Stamp,
  Tickets,
  TrendCharts,
  User,
};
