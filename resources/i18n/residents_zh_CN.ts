<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DuplicateBox</name>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复登记</translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation>打开已有档案</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>choose male or female.</source>
        <translation>请选择男或女。</translation>
    </message>
    <message>
        <source>{given} does not match the ID number, which says {derived}; correct one of them.</source>
        <translation>{given} 与身份证号中的出生日期 {derived} 不一致，请更正其中一项。</translation>
    </message>
    <message>
        <source>does not match the ID number; correct one of them.</source>
        <translation>与身份证号不一致，请更正其中一项。</translation>
    </message>
    <message>
        <source>A resident with this ID number is already registered: {name}. Open the existing record instead.</source>
        <translation>该身份证号已登记过：{name}。请打开已有档案。</translation>
    </message>
    <message>
        <source>{name} with the same phone number is already registered. Open the existing record, or save anyway if this is another person.</source>
        <translation>已登记过同名同电话的 {name}。请打开已有档案；如确为另一人，可仍然保存。</translation>
    </message>
    <message>
        <source>A resident with this ID number has just been registered on another computer. Search for the number and open that record instead.</source>
        <translation>刚刚有另一台电脑登记了这个身份证号的居民。请按号码搜索，打开那份档案。</translation>
    </message>
    <message>
        <source>That resident no longer exists.</source>
        <translation>该居民档案已不存在。</translation>
    </message>
    <message>
        <source>{name} is not a personal field that can be revealed.</source>
        <translation>{name} 不是可以查看完整内容的个人信息字段。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>室</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Emergency phone</source>
        <translation>紧急联系电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>授权日期</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Residents</source>
        <translation>居民档案</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>view residents</source>
        <translation>查看居民档案</translation>
    </message>
    <message>
        <source>add or edit residents</source>
        <translation>新增或修改居民档案</translation>
    </message>
    <message>
        <source>see full ID numbers and phone numbers</source>
        <translation>查看完整身份证号和电话</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>Edit resident</source>
        <translation>修改居民档案</translation>
    </message>
    <message>
        <source>Add resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <source>(from ID number)</source>
        <translation>（按身份证号）</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>18 characters; birth date and gender are read from it</source>
        <translation>18 位；出生日期和性别将自动读取</translation>
    </message>
    <message>
        <source>e.g. 1948-03-05 (only without ID number)</source>
        <translation>如 1948-03-05（无身份证号时填写）</translation>
    </message>
    <message>
        <source>mobile or landline, e.g. 13812345678</source>
        <translation>手机或座机，如 13812345678</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>date the resident agreed to data use, e.g. 2026-11-22</source>
        <translation>居民同意使用个人信息的日期，如 2026-11-22</translation>
    </message>
    <message>
        <source>Tags (60+ and 80+ follow from the birth date)</source>
        <translation>标签（60岁以上、80岁以上按出生日期自动判断）</translation>
    </message>
    <message>
        <source>compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>室号</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Emergency phone</source>
        <translation>紧急联系电话</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>授权日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ResidentPicker</name>
    <message>
        <source>Resident: name, pinyin, initials, phone or ID digits</source>
        <translation>居民：姓名、拼音、首字母、电话或身份证尾号</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <source>Search: name, pinyin or initials (zxm), 4+ phone digits, ID tail</source>
        <translation>搜索：姓名、拼音或首字母（如 zxm）、电话任意4位以上、身份证尾号</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Add resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>All compounds</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <source>1 resident</source>
        <translation>1 位居民</translation>
    </message>
    <message>
        <source>{n} found for “{q}” (best matches first)</source>
        <translation>“{q}”找到 {n} 人（最匹配的在前）</translation>
    </message>
    <message>
        <source>{n} residents</source>
        <translation>共 {n} 位居民</translation>
    </message>
</context>
<context>
    <name>StaleEdit</name>
    <message>
        <source>Changed on another computer</source>
        <translation>记录已被他人修改</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Tags</name>
    <message>
        <source>60+</source>
        <translation>60岁以上</translation>
    </message>
    <message>
        <source>80+</source>
        <translation>80岁以上</translation>
    </message>
    <message>
        <source>lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>extreme hardship</source>
        <translation>特困</translation>
    </message>
    <message>
        <source>minimum living allowance</source>
        <translation>低保</translation>
    </message>
    <message>
        <source>party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>veteran</source>
        <translation>退役军人</translation>
    </message>
</context>
</TS>
