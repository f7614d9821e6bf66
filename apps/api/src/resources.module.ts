import { Module } from '@nestjs/common';
import { AksAuditsController } from './aks/aks-audits.controller';
import { AksAudits } from './aks/aks-audits.service';
import { AksCasesController } from './aks/aks-cases.controller';
import { AksIdentityRequestsController } from './aks/aks-identity-requests.controller';
import { AksIdentityRequests } from './aks/aks-identity-requests.service';
import { AksRetentionSettings } from './aks/aks-retention-settings.service';
import { AksCases } from './aks/aks-cases.service';
import { AksCommands } from './aks/aks-commands.service';
import { AksIdentityCipher } from './aks/aks-identity-cipher.service';
import { AksPlanner } from './aks/aks-plan.service';
import { AksStageWork } from './aks/aks-stage-work.service';
import { CycleLauncher } from './cycles/cycle-launcher.service';
import { CycleTaskRules } from './tasks/cycle-task-rules.service';
import { RegencySchedules } from './schedules/regency-schedules.service';
import { SchedulesController } from './schedules/schedules.controller';
import { CycleViews } from './cycles/cycle-views.service';
import { CyclesController } from './cycles/cycles.controller';
import { CycleWorkController } from './cycles/cycle-work.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { EvidenceController } from './evidence/evidence.controller';
import { UploadQuota } from './evidence/upload-quota';
import { IndicatorsController } from './indicators/indicators.controller';
import { IndicatorCatalogueController } from './indicators/indicator-catalogue.controller';
import { IndicatorPlausibility } from './indicators/indicator-plausibility.service';
import { IndicatorImportController } from './indicators/indicator-import.controller';
import { IndicatorImports } from './indicators/indicator-import.service';
import { RegionsController } from './regions/regions.controller';
import { RegencyCalendarController } from './settings/regency-calendar.controller';
import { RegencySettingsController } from './settings/regency-settings.controller';
import { RegencyTasksController } from './tasks/regency-tasks.controller';
import { SubstitutesController } from './tasks/substitutes.controller';
import { TaskCommands } from './tasks/task-commands.service';
import { TaskOperations } from './tasks/task-operations.service';
import { TaskScheduler } from './tasks/task-scheduler.service';
import { TasksController } from './tasks/tasks.controller';
import { UnitsController } from './units/units.controller';
import { UsersController } from './users/users.controller';
import { CycleFactsLoader } from './status/cycle-facts.service';
import { CycleStatusReader } from './status/cycle-status.service';
import { StatusController } from './status/status.controller';
import { PortalController } from './portal/portal.controller';
import { AssessmentReader } from './province/assessment.service';
import { ProvinceController } from './province/province.controller';
import { PlannedActivitiesController } from './planned-activities/planned-activities.controller';
import { LokusSource } from './reports/lokus-source.service';
import { ReportSources } from './reports/report-sources.service';
import { ReportsController } from './reports/reports.controller';

/** The regency-scoped resources of /api/v1. */
@Module({
  controllers: [
    RegionsController,
    UnitsController,
    UsersController,
    RegencySettingsController,
    RegencyCalendarController,
    CyclesController,
    CycleWorkController,
    SchedulesController,
    TasksController,
    RegencyTasksController,
    SubstitutesController,
    EvidenceController,
    IndicatorsController,
    IndicatorCatalogueController,
    IndicatorImportController,
    DashboardController,
    StatusController,
    PortalController,
    ProvinceController,
    PlannedActivitiesController,
    ReportsController,
    AksAuditsController,
    AksCasesController,
    AksIdentityRequestsController,
  ],
  providers: [
    IndicatorPlausibility,
    IndicatorImports,
    CycleLauncher,
    CycleTaskRules,
    RegencySchedules,
    CycleViews,
    TaskCommands,
    TaskScheduler,
    TaskOperations,
    CycleFactsLoader,
    CycleStatusReader,
    AssessmentReader,
    LokusSource,
    ReportSources,
    AksIdentityCipher,
    AksPlanner,
    AksCommands,
    AksAudits,
    AksCases,
    AksIdentityRequests,
    AksRetentionSettings,
    AksStageWork,
    UploadQuota,
  ],
})
export class ResourcesModule {}
