import type { SurveyApi } from '../../typings/survey';
import { actionsOf } from './transport';

const { read, write } = actionsOf<SurveyApi>('council');

export const surveys = read('surveys');
export const survey = read('survey');
export const answer = write('answer');
export const saveSurvey = write('saveSurvey');
export const publishSurvey = write('publishSurvey');
export const closeSurvey = write('closeSurvey');
export const surveyResults = read('surveyResults');
export const exportSurvey = read('exportSurvey');
