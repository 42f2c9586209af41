import { View } from '@tarojs/components';
import './privacy-notice.scss';

const SECTIONS: { title: string; paragraphs: string[] }[] = [
  {
    title: '我们收集什么',
    paragraphs: [
      '在微信中使用时：微信为本小程序分配的用户标识（openid），用于在您下次打开时认出您，以便您查看自己提交的反馈和收到答复。我们不获取您的微信昵称、头像或手机号。',
      '在浏览器中使用时：一个随机生成的访客编号，保存在您的设备上，不含任何个人信息。',
      '行政执法监督员和网格员：姓名、聘书编号与聘期、所属网格，由镇法治建设科登记，用于确认您的身份与权限。',
      '您主动填写或上传的内容（如反馈内容、照片、事发地点、联系电话）只用于处理该事项；照片在保存前会去除其中的位置信息，手机号对工作人员只显示为 138****5678 的形式。',
      '答题记录（每日一练、练习、竞赛成绩，以及参赛时您选择的社区或网格）用于错题本、连续天数和竞赛排名；排行榜只显示社区和一个无法识别您的代号。',
    ],
  },
  {
    title: '为什么收集',
    paragraphs: ['只为提供本小程序的服务：答题、活动报名、执法监督反馈的受理、答复与跟踪。不用于任何其他目的，不向第三方提供。'],
  },
  {
    title: '保存多久',
    paragraphs: [
      '登录凭证在居民端 30 天、工作人员端 12 小时后失效。身份信息在您使用期间保存；您可以联系镇法治建设科要求删除。',
      '反馈及其处理记录按政务工作档案的要求保存，匿名反馈在任何工作人员界面和导出中都不显示提交人。',
    ],
  },
  {
    title: '您的权利',
    paragraphs: ['依据《中华人民共和国个人信息保护法》，您可以查阅、更正、删除您的个人信息，或撤回同意。请联系镇法治建设科办理。'],
  },
];

/** 个人信息保护说明: static text, readable before anything about the reader is sent. */
export function PrivacyNotice() {
  return (
    <View className="privacy-notice">
      <View className="privacy-notice__title">个人信息保护说明</View>
      {SECTIONS.map((section) => (
        <View key={section.title} className="privacy-notice__section">
          <View className="privacy-notice__heading">{section.title}</View>
          {section.paragraphs.map((paragraph) => (
            <View key={paragraph} className="privacy-notice__paragraph">
              {paragraph}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
